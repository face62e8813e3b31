using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The organisations API: <c>/api/organisations</c>.</summary>
public static class Organisations
{
    /// <summary>Maps the organisation endpoints.</summary>
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations");
        group.MapGet("/", ListAsync).WithName("ListOrganisations").WithSummary("Lists every organisation, by name.");
        group.MapGet("/{id}", GetAsync).WithName("GetOrganisation").WithSummary("Gets one organisation.");
        group.MapPost("/", CreateAsync).WithName("CreateOrganisation").WithSummary("Creates an organisation.");
        group.MapPost("/{id}/rename", RenameAsync).WithName("RenameOrganisation").WithSummary("Renames an organisation from a date.");
        return routes;
    }

    private static async Task<Ok<OrganisationDetails[]>> ListAsync(ReadModels readModels, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<OrganisationDetails>(cancellationToken);
        return TypedResults.Ok(all.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static async Task<Ok<OrganisationDetails>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).GetAsync());

    private static async Task<Created<OrganisationDetails>> CreateAsync(CreateOrganisationRequest request, IGrainFactory grains)
    {
        var created = await grains.GetGrain<IOrganisationGrain>(request.Id).CreateAsync(new CreateOrganisation(request.Name, request.Kind, request.EstablishedOn));
        return TypedResults.Created($"/api/organisations/{created.Id}", created);
    }

    private static async Task<Ok<OrganisationDetails>> RenameAsync(string id, RenameOrganisation request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).RenameAsync(request));

    /// <summary>The body of a request to create an organisation.</summary>
    /// <param name="Id">The slug that will identify it (<c>nhs-improvement</c>).</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Kind">What sort of body it is.</param>
    /// <param name="EstablishedOn">When it came into being, if known.</param>
    public sealed record CreateOrganisationRequest(string Id, string Name, OrganisationKind Kind, DateOnly? EstablishedOn = null);
}
