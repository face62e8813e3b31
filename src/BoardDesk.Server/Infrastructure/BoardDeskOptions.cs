using System.ComponentModel.DataAnnotations;

namespace BoardDesk.Server.Infrastructure;

/// <summary>The server's settings (configuration section <c>BoardDesk</c>, environment variables <c>BOARDDESK__…</c>).</summary>
public sealed class BoardDeskOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk";

    /// <summary>What this process does: web and silo (the default), a silo only, or the web app only as a client of a cluster.</summary>
    public ServerRole Role { get; set; } = ServerRole.All;

    /// <summary>Where journals, reminders and membership live: the embedded SQLite file (default) or a shared PostgreSQL database.</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>The folder that holds the database; relative paths are taken from the working directory.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// What to load when the store is empty: <c>story</c> (the default; <c>true</c> says the same), <c>base</c> or
    /// <c>none</c> (<c>false</c>). See <see cref="SampleLoad"/>.
    /// </summary>
    [RegularExpression("(?i)^(story|base|none|true|false)$", ErrorMessage = "BoardDesk:LoadSamples is story, base or none.")]
    public string LoadSamples { get; set; } = "story";

    /// <summary>What <see cref="LoadSamples"/> asks for.</summary>
    public SampleLoad Samples => LoadSamples.Trim().ToLowerInvariant() switch
    {
        "none" or "false" => SampleLoad.None,
        "base" => SampleLoad.Base,
        _ => SampleLoad.Story,
    };

    /// <summary>For crash tests only: the sample story stops for good after replaying this many steps (until the next start).</summary>
    [Range(0, 10_000)]
    public int? PauseSamplesAfterSteps { get; set; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Ballots allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int BallotsPerMinute { get; set; } = 120;

    /// <summary>A web session ends after this long without a request.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A web session ends this long after sign-in, however active.</summary>
    public TimeSpan SessionAbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);

    /// <summary>The password of the sample accounts; when empty, one is generated and printed once at first start.</summary>
    public string? SamplePassword { get; set; }

    /// <summary>
    /// The file holding the journal key (signs journal checkpoints, derives sealed-box keys); never inside the
    /// database. Unset: <c>keys/journal.key</c> in <see cref="DataPath"/>, beside the data-protection key ring.
    /// </summary>
    public string? JournalKeyPath { get; set; }

    /// <summary>The journal key file in use: <see cref="JournalKeyPath"/>, or <c>keys/journal.key</c> in the data folder.</summary>
    public string ResolvedJournalKeyPath => JournalKeyPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(Path.GetFullPath(DataPath), "keys", "journal.key");

    /// <summary>The database file inside <see cref="DataPath"/>.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataPath), "boarddesk.db");
}
