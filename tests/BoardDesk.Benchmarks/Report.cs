using System.Text;

namespace BoardDesk.Benchmarks;

/// <summary>Prints figures as rows of a table as they are measured, and keeps them for the summary at the end.</summary>
public sealed class Report
{
    private readonly List<Figure> _figures = [];

    /// <summary>Prints a section's heading.</summary>
    public static void Section(string heading)
    {
        Console.WriteLine();
        Console.WriteLine(heading);
    }

    /// <summary>Prints a line of context under a section (how the load was set up), not a figure.</summary>
    public static void Note(string text) => Console.WriteLine($"    {text}");

    /// <summary>Prints a figure and keeps it for the summary.</summary>
    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"    {figure.Name,-38} {figure.Measured,22}  vs {figure.Baseline,-34} {figure.Ratio,-14} {Goal(figure)}");
        Console.WriteLine($"      {figure.Explanation}");
    }

    /// <summary>A Markdown table of every figure, to paste into the README.</summary>
    public string Summary(string machine)
    {
        var text = new StringBuilder();
        text.AppendLine($"Benchmarks ({machine}); every figure is a ratio against a baseline measured in the same run.");
        text.AppendLine();
        text.AppendLine("| | Figure | Measured | Baseline | Ratio | Goal | Result |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in _figures)
        {
            text.AppendLine($"| {f.Section} | {f.Name.Trim()} | {f.Measured.Trim()} | {f.Baseline} | {f.Ratio} | {f.Goal ?? "-"} | {f.Verdict} |");
        }

        var goals = _figures.Where(f => f.Passed is not null).ToList();
        text.AppendLine();
        text.Append($"{goals.Count(f => f.Passed == true)} of {goals.Count} goals met.");
        return text.ToString();
    }

    /// <summary>Whether every figure with a goal met it.</summary>
    public bool AllGoalsMet => _figures.All(f => f.Passed != false);

    private static string Goal(Figure figure) => figure.Goal is null ? "(reported)" : $"goal {figure.Goal}: {figure.Verdict}";
}
