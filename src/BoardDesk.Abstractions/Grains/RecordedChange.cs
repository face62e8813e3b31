namespace BoardDesk.Grains;

/// <summary>One entry of an item's history, as callers see it: which change, when, and by whom.</summary>
/// <param name="Sequence">The entry's position in the item's journal, from 1.</param>
/// <param name="Change">The change's stored name (<c>PaperSubmitted</c>).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="User">Who made it.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Grains.RecordedChange")]
public sealed record RecordedChange(long Sequence, string Change, DateTimeOffset RecordedAt, string User);
