using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BoardDesk;

/// <summary>The lowercase slugs that identify boards, papers and organisations (<c>nhs-england</c>).</summary>
public static partial class Slug
{
    /// <summary>The longest slug.</summary>
    public const int MaxLength = 64;

    /// <summary>True for 1 to 64 lowercase letters and digits in groups joined by single hyphens.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>
    /// The slug a person's words make: "Strategy update Dec 2015" as <c>strategy-update-dec-2015</c>, accents dropped
    /// ("Réunion" as <c>reunion</c>) and apostrophes dropped, any other character a hyphen, cut at a word to at most <paramref name="maxLength"/>
    /// characters. Empty when the words hold no letter or digit.
    /// </summary>
    public static string From(string? words, int maxLength = MaxLength)
    {
        var plain = new StringBuilder(words?.Length ?? 0);
        foreach (var c in (words ?? "").Normalize(NormalizationForm.FormD))
        {
            // Accents and apostrophes go without a trace ("England's" as "englands").
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            plain.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? lower : c == '&' ? "-and-" : "-");
        }

        var slug = Hyphens().Replace(plain.ToString(), "-").Trim('-');
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', maxLength);
        return (cut > 0 ? slug[..cut] : slug[..maxLength]).Trim('-');
    }

    /// <summary>
    /// The first of <paramref name="stem"/>, <c>stem-2</c>, <c>stem-3</c>... that <paramref name="taken"/> does not
    /// hold, the stem shortened so that the suffix keeps it within 64 characters.
    /// </summary>
    public static string FirstFree(string stem, Func<string, bool> taken)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $"-{n.ToString(CultureInfo.InvariantCulture)}";
            var candidate = (stem.Length + suffix.Length <= MaxLength ? stem : stem[..(MaxLength - suffix.Length)].TrimEnd('-')) + suffix;
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
