namespace BoardDesk.Persistence.Storage;

/// <summary>A read-model document written in the same transaction as the events it reflects.</summary>
public sealed record DocumentWrite(string Kind, string Id, string Payload);
