using BoardDesk.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk;

/// <summary>Registers BoardDesk's grains on the grain runtime.</summary>
public static class DependencyInjection
{
    /// <summary>Registers the grain runtime with every BoardDesk grain and event.</summary>
    public static IServiceCollection AddBoardDeskGrains(this IServiceCollection services) =>
        services.AddGrainRuntime(typeof(DependencyInjection).Assembly);
}
