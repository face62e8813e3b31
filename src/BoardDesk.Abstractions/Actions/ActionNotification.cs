namespace BoardDesk.Actions;

/// <summary>An in-app notification raised by an action's reminder.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Kind"><c>DueSoon</c> or <c>Overdue</c>.</param>
/// <param name="DueOn">The due date it was raised for.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Recipient">Who it is for: the owner's user name.</param>
/// <param name="Text">The message.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionNotification")]
public sealed record ActionNotification(string ActionId, string Kind, DateOnly DueOn, DateTimeOffset RaisedAt, string Recipient, string Text);
