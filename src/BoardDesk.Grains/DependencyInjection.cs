using BoardDesk.Accounts;
using BoardDesk.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk;

/// <summary>Registers BoardDesk's grains on the grain runtime.</summary>
public static class DependencyInjection
{
    /// <summary>Registers the grain runtime with every BoardDesk grain and event.</summary>
    public static IServiceCollection AddBoardDeskGrains(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>();
        services.TryAddSingleton<IPasswordHasher<AccountGrain>, PasswordHasher<AccountGrain>>();
        return services.AddGrainRuntime(typeof(DependencyInjection).Assembly);
    }
}
