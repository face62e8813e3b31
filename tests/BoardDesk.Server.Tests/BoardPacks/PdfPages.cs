using System.Text;
using System.Text.RegularExpressions;

namespace BoardDesk.Server.Tests;

/// <summary>Counts a PDF's pages by its page objects (<c>/Type /Page</c>, not <c>/Pages</c>); pdfinfo is not installed everywhere.</summary>
internal static partial class PdfPages
{
    public static int Count(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
