namespace BoardDesk.Actions;

/// <summary>A dated progress note on an action.</summary>
/// <param name="On">The date it speaks for.</param>
/// <param name="Text">The note.</param>
/// <param name="Author">Who wrote it.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionNote")]
public sealed record ActionNote(DateOnly On, string Text, string Author);
