using BoardDesk.Accounts;
using BoardDesk.Persistence;
using BoardDesk.Recommendations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace BoardDesk;

/// <summary>Registers BoardDesk's grains on an Orleans silo.</summary>
public static class DependencyInjection
{
    /// <summary>Adds BoardDesk's persistence with every BoardDesk event, the grains' services, and the queries over their documents.</summary>
    public static ISiloBuilder AddBoardDeskGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddOptions<AccountOptions>();
        services.TryAddSingleton<IPasswordHasher<AccountGrain>, PasswordHasher<AccountGrain>>();
        services.TryAddSingleton<RecommendationRegister>();
        services.TryAddSingleton<BoardDesk.Actions.ActionLog>();
        return silo.AddBoardDeskPersistence(typeof(DependencyInjection).Assembly);
    }
}
