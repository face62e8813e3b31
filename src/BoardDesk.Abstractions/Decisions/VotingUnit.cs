namespace BoardDesk.Decisions;

/// <summary>Who holds a ballot.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.VotingUnit")]
public enum VotingUnit
{
    /// <summary>Each voting representative (or the deputy standing in for them) holds one.</summary>
    Representative,

    /// <summary>Each member organisation holds one, which any of its representatives or deputies may cast.</summary>
    Organisation,
}
