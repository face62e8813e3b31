using System.Text;
using UglyToad.PdfPig;

namespace BoardDesk.Server.BoardPacks;

/// <summary>
/// Finds the page of a printed pack on which each agenda item starts, by the label that opens its section
/// ("Item 5 · For discussion"). Chromium has no <c>target-counter()</c>, so the contents get their page numbers
/// from a first print read back this way.
/// </summary>
public static class PackItemPages
{
    /// <summary>The page, from 1, on which each of <paramref name="itemNumbers"/> starts; an item with no section of its own is left out.</summary>
    public static IReadOnlyDictionary<int, int> Find(byte[] pdf, IEnumerable<int> itemNumbers)
    {
        var pages = new List<string>();
        using (var document = PdfDocument.Open(pdf))
        {
            foreach (var page in document.GetPages())
            {
                pages.Add(Normalised(page.Text));
            }
        }

        var found = new Dictionary<int, int>();
        foreach (var number in itemNumbers)
        {
            var marker = Normalised(Label(number));
            var index = pages.FindIndex(text => text.Contains(marker, StringComparison.Ordinal));
            if (index >= 0)
            {
                found[number] = index + 1;
            }
        }

        return found;
    }

    /// <summary>How an item's section label starts: the number is followed by the separator, so item 1 is not item 12.</summary>
    public static string Label(int itemNumber) => $"Item {itemNumber} · ";

    /// <summary>Text without white space and in capitals: the label is printed in capitals and letter-spaced.</summary>
    private static string Normalised(string text)
    {
        var normalised = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                normalised.Append(char.ToUpperInvariant(c));
            }
        }

        return normalised.ToString();
    }
}
