namespace BoardDesk.Benchmarks;

/// <summary>
/// One printed figure: a measured value and the baseline it is compared with in the same run, the ratio between them,
/// and, where BoardDesk sets one, the goal that ratio (or the value itself, for memory) must meet.
/// </summary>
/// <param name="Section">The benchmark's letter, (a) to (f).</param>
/// <param name="Name">What was measured, in a few words.</param>
/// <param name="Measured">The measured value, already formatted with its unit.</param>
/// <param name="Baseline">The baseline's value, formatted with what it is.</param>
/// <param name="Ratio">The comparison, formatted (for example <c>1.12x cost</c>).</param>
/// <param name="Goal">The goal as text, or null where the figure is only reported.</param>
/// <param name="Passed">Whether the goal is met; null without a goal.</param>
/// <param name="Explanation">One line saying what the figure means.</param>
public sealed record Figure(string Section, string Name, string Measured, string Baseline, string Ratio, string? Goal, bool? Passed, string Explanation)
{
    /// <summary>PASS, FAIL or "report" for a figure without a goal.</summary>
    public string Verdict => Passed switch { true => "PASS", false => "FAIL", null => "report" };
}
