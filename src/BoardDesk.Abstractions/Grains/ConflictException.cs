namespace BoardDesk.Grains;

/// <summary>The command clashes with what already exists or with a concurrent change.</summary>
[GenerateSerializer, Alias("BoardDesk.Grains.ConflictException")]
public class ConflictException(string message) : DomainException(message);
