namespace BoardDesk.Recommendations;

/// <summary>A red, amber or green rating of a recommendation's delivery.</summary>
public enum RagRating
{
    /// <summary>Off track.</summary>
    Red,

    /// <summary>At risk.</summary>
    Amber,

    /// <summary>On track.</summary>
    Green,
}
