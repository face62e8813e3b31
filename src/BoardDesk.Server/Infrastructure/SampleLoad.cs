namespace BoardDesk.Server.Infrastructure;

/// <summary>What a first start with an empty store loads (<c>BoardDesk:LoadSamples</c>).</summary>
public enum SampleLoad
{
    /// <summary>Nothing: an empty BoardDesk.</summary>
    None,

    /// <summary>The organisations, reviews, boards and accounts of 2015 as they stood before any change, at today's date.</summary>
    Base,

    /// <summary>The base data, then the 2015–16 story replayed as history, each change on its own date (the default).</summary>
    Story,
}
