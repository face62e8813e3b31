using BoardDesk.Grains;
using BoardDesk.Operations;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>A test operation that sends one effect to each of several counting targets.</summary>
[Alias("BoardDesk.Grains.Tests.Operations.IFanOutOperationGrain")]
public interface IFanOutOperationGrain : IGrainWithStringKey
{
    /// <summary>Plans one effect per target and applies them.</summary>
    [Alias("RunAsync")]
    Task RunAsync(IReadOnlyList<string> targets);

    /// <summary>Tries a stopped operation again from the refused effect.</summary>
    [Alias("ResumeAsync")]
    Task ResumeAsync();

    /// <summary>True once every effect is applied.</summary>
    [Alias("IsCompletedAsync")]
    Task<bool> IsCompletedAsync();

    /// <summary>The plan, what is applied and the last failure.</summary>
    [Alias("GetProgressAsync")]
    Task<OperationProgress<FanOutEffect>> GetProgressAsync();
}
