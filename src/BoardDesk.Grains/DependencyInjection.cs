using BoardDesk.Accounts;
using BoardDesk.Recommendations;
using BoardDesk.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk;

/// <summary>Registers BoardDesk's grains on the grain runtime.</summary>
public static class DependencyInjection
{
    /// <summary>Registers the grain runtime with every BoardDesk grain and event, and the queries over their documents.</summary>
    public static IServiceCollection AddBoardDeskGrains(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>();
        services.TryAddSingleton<IPasswordHasher<AccountGrain>, PasswordHasher<AccountGrain>>();
        services.TryAddSingleton<RecommendationRegister>();
        services.TryAddSingleton<BoardDesk.Actions.ActionLog>();
        return services.AddGrainRuntime(typeof(DependencyInjection).Assembly);
    }
}
