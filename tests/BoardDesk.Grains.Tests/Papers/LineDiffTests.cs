using BoardDesk.Papers;
using Bogus;

namespace BoardDesk.Grains.Tests.Papers;

public sealed class LineDiffTests
{
    [Fact]
    public void ShouldMarkOnlyTheChangedLine_WhenOneLineOfManyChanges()
    {
        string[] from = ["1. Recommendation 1", "2. A proposal", "3. Aligned", "4. Background"];
        string[] to = ["1. Recommendation 1", "2. A revised proposal", "3. Aligned", "4. Background"];

        var lines = LineDiff.Compute(from, to);

        lines.Should().Equal(
            new DiffLine(DiffLineKind.Unchanged, "1. Recommendation 1", 1, 1),
            new DiffLine(DiffLineKind.Removed, "2. A proposal", 2, null),
            new DiffLine(DiffLineKind.Added, "2. A revised proposal", null, 2),
            new DiffLine(DiffLineKind.Unchanged, "3. Aligned", 3, 3),
            new DiffLine(DiffLineKind.Unchanged, "4. Background", 4, 4));
    }

    [Fact]
    public void ShouldShowEveryLineAsAddedOrRemoved_WhenOneSideIsEmpty()
    {
        LineDiff.Compute([], ["a", "b"]).Select(l => l.Kind).Should().Equal(DiffLineKind.Added, DiffLineKind.Added);
        LineDiff.Compute(["a", "b"], []).Select(l => l.Kind).Should().Equal(DiffLineKind.Removed, DiffLineKind.Removed);
        LineDiff.Compute([], []).Should().BeEmpty();
    }

    [Fact]
    public void ShouldRebuildBothVersionsWithAMinimalScript_WhenLinesAreInsertedDeletedAndMovedAtRandom()
    {
        var faker = new Faker { Random = new Randomizer(4) };
        for (var round = 0; round < 200; round++)
        {
            var from = Enumerable.Range(0, faker.Random.Int(0, 30)).Select(_ => faker.PickRandom("a", "b", "c", "d", "e")).ToList();
            var to = Enumerable.Range(0, faker.Random.Int(0, 30)).Select(_ => faker.PickRandom("a", "b", "c", "d", "e")).ToList();

            var lines = LineDiff.Compute(from, to);

            lines.Where(l => l.Kind != DiffLineKind.Added).Select(l => l.Text).Should().Equal(from);
            lines.Where(l => l.Kind != DiffLineKind.Removed).Select(l => l.Text).Should().Equal(to);
            lines.Count(l => l.Kind == DiffLineKind.Unchanged).Should().Be(LongestCommonSubsequence(from, to), "Myers' script keeps a longest common subsequence");
        }
    }

    [Fact]
    public void ShouldStayFast_WhenTwoLongVersionsShareNothing()
    {
        var from = Enumerable.Range(0, 3000).Select(i => $"old {i}").ToArray();
        var to = Enumerable.Range(0, 3000).Select(i => $"new {i}").ToArray();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var lines = LineDiff.Compute(from, to);

        lines.Should().HaveCount(6000);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    private static int LongestCommonSubsequence(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
