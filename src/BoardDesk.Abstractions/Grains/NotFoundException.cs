namespace BoardDesk.Grains;

/// <summary>The command or query names something that does not exist.</summary>
[GenerateSerializer, Alias("BoardDesk.Grains.NotFoundException")]
public sealed class NotFoundException(string message) : DomainException(message);
