namespace BoardDesk.Grains;

/// <summary>
/// The base of the typed refusals a grain throws instead of returning a flag. The server turns each
/// kind into its ProblemDetails status; the message is written for the person who sent the command.
/// </summary>
[GenerateSerializer, Alias("BoardDesk.Grains.DomainException")]
public abstract class DomainException(string message) : Exception(message);
