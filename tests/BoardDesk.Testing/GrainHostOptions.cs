using System.Reflection;
using BoardDesk.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Testing;

/// <summary>How a <see cref="GrainHost"/> is started.</summary>
/// <param name="DatabasePath">The SQLite file.</param>
public sealed record GrainHostOptions(string DatabasePath)
{
    /// <summary>How many silos the cluster starts with.</summary>
    public short Silos { get; init; } = 1;

    /// <summary>Changes to the runtime's settings.</summary>
    public Action<RuntimeOptions>? Configure { get; init; }

    /// <summary>More services for each silo (a clock, options).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>The assemblies with the grains and events; BoardDesk's own when empty.</summary>
    public IReadOnlyList<Assembly> GrainAssemblies { get; init; } = [];

    /// <summary>How long the cluster's client waits for an answer.</summary>
    public TimeSpan ClientResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
