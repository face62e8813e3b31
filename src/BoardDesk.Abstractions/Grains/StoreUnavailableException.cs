namespace BoardDesk.Grains;

/// <summary>
/// The store could not durably record the change (the disk or database is failing); nothing of the command was
/// stored and the caller may try again later. The server answers 503.
/// </summary>
[GenerateSerializer, Alias("BoardDesk.Grains.StoreUnavailableException")]
public sealed class StoreUnavailableException(string message) : Exception(message);
