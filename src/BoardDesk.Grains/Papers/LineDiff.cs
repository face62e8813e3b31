namespace BoardDesk.Papers;

/// <summary>
/// A line diff by Myers' O((N+M)D) algorithm, written here because no diff library restores from the package
/// registry. The common head and tail are trimmed first, so a small edit to a long paper costs little.
/// </summary>
public static class LineDiff
{
    /// <summary>Every line of <paramref name="from"/> and <paramref name="to"/> in order, marked kept, removed or added.</summary>
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var head = 0;
        while (head < from.Count && head < to.Count && from[head] == to[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < from.Count - head && tail < to.Count - head && from[from.Count - 1 - tail] == to[to.Count - 1 - tail])
        {
            tail++;
        }

        var lines = new List<DiffLine>(from.Count + to.Count);
        for (var i = 0; i < head; i++)
        {
            lines.Add(new DiffLine(DiffLineKind.Unchanged, from[i], i + 1, i + 1));
        }

        var a = from.Skip(head).Take(from.Count - head - tail).ToArray();
        var b = to.Skip(head).Take(to.Count - head - tail).ToArray();
        foreach (var (kind, ai, bi) in Middle(a, b))
        {
            lines.Add(kind switch
            {
                DiffLineKind.Removed => new DiffLine(kind, a[ai], head + ai + 1, null),
                DiffLineKind.Added => new DiffLine(kind, b[bi], null, head + bi + 1),
                _ => new DiffLine(kind, a[ai], head + ai + 1, head + bi + 1),
            });
        }

        for (var i = tail; i > 0; i--)
        {
            lines.Add(new DiffLine(DiffLineKind.Unchanged, from[from.Count - i], from.Count - i + 1, to.Count - i + 1));
        }

        return lines;
    }

    /// <summary>Beyond this many edits the rest is shown as replaced, which bounds time and memory (O(D²)).</summary>
    private const int MaxEdits = 4000;

    private static List<(DiffLineKind Kind, int A, int B)> Middle(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, max = Math.Min(n + m, MaxEdits), offset = max + 1;
        var v = new int[2 * max + 3];

        // trace[d] holds v for k in [-d-1, d+1] as it was before step d: what the walk back needs, and no more.
        var trace = new List<int[]>();
        var done = false;
        for (var d = 0; d <= max && !done; d++)
        {
            trace.Add(v.AsSpan(offset - d - 1, 2 * d + 3).ToArray());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    done = true;
                    break;
                }
            }
        }

        if (!done)
        {
            return [.. Enumerable.Range(0, n).Select(i => (DiffLineKind.Removed, i, 0)), .. Enumerable.Range(0, m).Select(j => (DiffLineKind.Added, 0, j))];
        }

        // Walk the trace back from the end to recover the edit script.
        var script = new List<(DiffLineKind, int, int)>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var vd = trace[d];
            int At(int k) => vd[k + d + 1];
            var kk = cx - cy;
            var prevK = kk == -d || (kk != d && At(kk - 1) < At(kk + 1)) ? kk + 1 : kk - 1;
            var prevX = d == 0 ? 0 : At(prevK);
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                cx--;
                cy--;
                script.Add((DiffLineKind.Unchanged, cx, cy));
            }

            if (d > 0)
            {
                script.Add(cx == prevX ? (DiffLineKind.Added, cx, prevY) : (DiffLineKind.Removed, prevX, cy));
            }

            cx = prevX;
            cy = prevY;
        }

        script.Reverse();
        return script;
    }
}
