using Xunit;

namespace BoardDesk.Testing;

/// <summary>A fact that needs Chromium: skipped with a reason where it is missing, except under <c>CI=true</c>.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason from <see cref="Chromium.SkipReason"/>.</summary>
    public ChromiumFactAttribute()
    {
        Skip = Chromium.SkipReason!;
    }
}
