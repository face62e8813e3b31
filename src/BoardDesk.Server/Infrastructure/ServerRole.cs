namespace BoardDesk.Server.Infrastructure;

/// <summary>What a BoardDesk process does (setting <c>BoardDesk:Role</c>).</summary>
public enum ServerRole
{
    /// <summary>The web app and an Orleans silo in one process: the embedded default.</summary>
    All,

    /// <summary>An Orleans silo only: the grains, their store and reminders; it answers <c>/health</c> and nothing else over HTTP.</summary>
    Silo,

    /// <summary>The web app only, an Orleans client of a silo cluster through its gateways: pages and API as in <see cref="All"/>.</summary>
    Web,
}
