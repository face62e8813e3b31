namespace BoardDesk.Grains;

/// <summary>
/// One effect of an operation that spans grains. The operation records every effect before applying any; the
/// target grain remembers the ids it has applied, so an effect delivered twice (after a crash) changes it once.
/// </summary>
public interface IPlannedEffect
{
    /// <summary>Unique across all operations: the operation id and the effect's position (<c>op-1/2</c>).</summary>
    string EffectId { get; }
}
