namespace BoardDesk.Grains;

/// <summary>The command is well formed but a rule of the domain refuses it in the grain's current state.</summary>
[GenerateSerializer, Alias("BoardDesk.Grains.RuleViolationException")]
public sealed class RuleViolationException(string message) : DomainException(message);
