namespace BoardDesk.Testing;

/// <summary>
/// Whether the machine has Chromium for PDF tests. Where it is missing, such tests skip with a reason; under
/// <c>CI=true</c> they run anyway and fail, because CI installs Chromium and a silent skip would hide a broken setup.
/// </summary>
public static class Chromium
{
    /// <summary>Where Chromium is expected (<c>BOARDDESK_CHROMIUM</c> overrides the default /usr/bin/chromium).</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("BOARDDESK_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Whether Chromium is installed.</summary>
    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Whether the tests run under CI (<c>CI=true</c>).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a test that needs Chromium must run: Chromium is there, or CI demands it.</summary>
    public static bool MustTest => IsInstalled || IsCi;

    /// <summary>Why a Chromium test is skipped here, or null when it runs.</summary>
    public static string? SkipReason => MustTest
        ? null
        : $"Chromium is not installed at {Path} (apt-get install chromium); this test skips here and fails under CI=true.";

    /// <summary>Fails with a clear message when Chromium is missing (under CI=true).</summary>
    public static void Require()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"CI=true but Chromium is not installed at {Path}: install the chromium package (see .ci/run).");
        }
    }
}
