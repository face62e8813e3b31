namespace BoardDesk.Benchmarks;

/// <summary>One measured figure and its baseline, both in operations per second.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Benchmarks.Result")]
public sealed record Result(string Name, double PerSecond, double BaselinePerSecond, string Unit = "ops/s")
{
    /// <summary>The measured rate over the baseline's: 1 is as fast as the baseline, 0.5 half as fast.</summary>
    public double Ratio => PerSecond / BaselinePerSecond;

    /// <summary>How many times the baseline's cost one operation costs.</summary>
    public double CostRatio => BaselinePerSecond / PerSecond;
}
