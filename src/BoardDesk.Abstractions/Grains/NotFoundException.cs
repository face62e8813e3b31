namespace BoardDesk.Grains;

/// <summary>The command or query names something that does not exist.</summary>
public sealed class NotFoundException(string message) : DomainException(message);
