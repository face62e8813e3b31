using System.Text.RegularExpressions;

namespace BoardDesk;

/// <summary>The lowercase slugs that identify boards, papers and organisations (<c>nhs-england</c>).</summary>
public static partial class Slug
{
    /// <summary>True for 1 to 64 lowercase letters and digits in groups joined by single hyphens.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
