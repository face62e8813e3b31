namespace BoardDesk.Server.BoardPacks;

/// <summary>Who a board pack is for.</summary>
public enum BoardPackAudience
{
    /// <summary>The public: private (confidential) items and their papers are left out.</summary>
    Public,

    /// <summary>Members: every item, public and private.</summary>
    Full,
}
