using System.Globalization;
using System.Text;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Makes text a client sent safe to log: control characters (NUL, CR, LF…), bidirectional controls and invisible
/// format characters are written as <c>\uXXXX</c>, and a backslash as <c>\\</c>, so that a user name can neither
/// forge a log line nor hide what it is.
/// </summary>
public static class LogText
{
    /// <summary>The text with every character that could forge or hide a log line escaped.</summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return "";
        }

        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append(c == '\\' ? @"\\" : $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c == '\\' || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
