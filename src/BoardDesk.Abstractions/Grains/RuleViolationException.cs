namespace BoardDesk.Grains;

/// <summary>The command is well formed but a rule of the domain refuses it in the grain's current state.</summary>
public sealed class RuleViolationException(string message) : DomainException(message);
