namespace BoardDesk.Benchmarks;

/// <summary>A reference for a grain call: the same no-op on a plain object, one caller at a time through a SemaphoreSlim.</summary>
public sealed class GuardedNoOp
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Does nothing under the gate.</summary>
    public async Task<int> NoOpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return await Task.FromResult(1);
        }
        finally
        {
            _gate.Release();
        }
    }
}
