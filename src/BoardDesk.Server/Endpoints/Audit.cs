using BoardDesk.Persistence.Maintenance;
using Microsoft.AspNetCore.Http.HttpResults;

using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The audit API: <c>/api/audit</c>.</summary>
public static class Audit
{
    /// <summary>Maps the audit endpoints.</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyJournals")
            .WithSummary("Checks every journal's hash chain and names the first altered, removed or reordered entry of each.")
            .RequirePermission(Permission.AdministerAccounts);
        return routes;
    }

    private static async Task<Ok<VerificationReport>> VerifyAsync(IGrainFactory grains)
    {
        // Through the cluster, so that a web node without a silo verifies the store the silos write.
        var result = await grains.GetGrain<IMaintenanceGrain>("store").VerifyAllAsync();
        return TypedResults.Ok(new VerificationReport(
            result.Intact,
            result.JournalsChecked,
            result.EventsChecked,
            result.Breaks.Select(b => new BrokenEntry(b.Grain.ToString(), b.Sequence, b.Reason)).ToArray()));
    }

    /// <summary>The outcome of a verification.</summary>
    /// <param name="Intact">True when every chain holds.</param>
    /// <param name="JournalsChecked">How many journals were walked.</param>
    /// <param name="EntriesChecked">How many entries they hold.</param>
    /// <param name="Breaks">The first broken entry of each broken journal.</param>
    public sealed record VerificationReport(bool Intact, long JournalsChecked, long EntriesChecked, BrokenEntry[] Breaks);

    /// <summary>The first entry of a journal that fails verification.</summary>
    /// <param name="Grain">The journal's grain id (<c>organisation/monitor</c>).</param>
    /// <param name="Sequence">The entry's sequence number.</param>
    /// <param name="Reason">What is wrong with it.</param>
    public sealed record BrokenEntry(string Grain, long Sequence, string Reason);
}
