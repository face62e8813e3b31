using System.Text.RegularExpressions;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>
/// The organisations API: <c>/api/organisations</c>, with the machinery-of-government operations (rename, merge,
/// transfer a function, cease). Each operation runs under an operation id (the caller's, or a new one): sending
/// the same operation again under the same id answers the operation as it stands instead of repeating it.
/// </summary>
public static partial class Organisations
{
    /// <summary>Maps the organisation endpoints.</summary>
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations");
        group.MapGet("/", ListAsync).WithName("ListOrganisations").WithSummary("Lists organisations by name; name= matches current and former names, function= finds the host of a function.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{id}", GetAsync).WithName("GetOrganisation").WithSummary("Gets one organisation.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{id}/history", HistoryAsync).WithName("GetOrganisationHistory").WithSummary("Lists an organisation's journal, oldest first.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/", CreateAsync).WithName("CreateOrganisation").WithSummary("Creates an organisation.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapPost("/{id}/rename", RenameAsync).WithName("RenameOrganisation").WithSummary("Renames an organisation from a date.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapPost("/merge", MergeAsync).WithName("MergeOrganisations").WithSummary("Merges organisations into a new or existing one from a date.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapPost("/{id}/transfer-function", TransferFunctionAsync).WithName("TransferFunction").WithSummary("Moves a function from this organisation to another from a date.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapPost("/{id}/cease", CeaseAsync).WithName("CeaseOrganisation").WithSummary("Ceases an organisation from a date, naming a successor for each function.")
            .RequirePermission(Permission.AdministerOrganisations);
        group.MapGet("/operations", ListOperationsAsync).WithName("ListOrganisationChanges").WithSummary("Lists the machinery-of-government operations.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/operations/{operationId}", GetOperationAsync).WithName("GetOrganisationChange").WithSummary("Gets one machinery-of-government operation and how far it has got.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/operations/{operationId}/resume", ResumeOperationAsync).WithName("ResumeOrganisationChange").WithSummary("Tries an operation that stopped after a refusal again from the refused effect.")
            .RequirePermission(Permission.AdministerOrganisations);
        return routes;
    }

    private static async Task<Ok<OrganisationDetails[]>> ListAsync(IReadModels readModels, string? name, string? function, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<OrganisationDetails>(cancellationToken);
        var matches = all.Where(o =>
            (string.IsNullOrWhiteSpace(name) || Contains(o.Name, name) || o.FormerNames.Any(f => Contains(f.Name, name)))
            && (string.IsNullOrWhiteSpace(function) || o.Functions.Any(f => string.Equals(f.Name, function.Trim(), StringComparison.OrdinalIgnoreCase))));
        return TypedResults.Ok(matches.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static async Task<Ok<OrganisationDetails>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).GetAsync());

    private static async Task<Ok<IReadOnlyList<OrganisationHistoryEntry>>> HistoryAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationGrain>(id).GetHistoryAsync());

    private static async Task<Created<OrganisationDetails>> CreateAsync(CreateOrganisationRequest request, IGrainFactory grains)
    {
        var created = await grains.GetGrain<IOrganisationGrain>(request.Id).CreateAsync(new CreateOrganisation(request.Name, request.Kind, request.EstablishedOn, request.Functions));
        return TypedResults.Created($"/api/organisations/{created.Id}", created);
    }

    private static async Task<Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>>> RenameAsync(string id, RenameRequest request, IGrainFactory grains) =>
        Answer(await Operation(grains, request.OperationId).RenameAsync(id, new RenameOrganisation(request.Name, request.EffectiveOn)));

    private static async Task<Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>>> MergeAsync(MergeRequest request, IGrainFactory grains) =>
        Answer(await Operation(grains, request.OperationId).MergeAsync(
            new MergeOrganisations(request.SourceIds, request.TargetId, request.EffectiveOn, request.TargetName, request.TargetKind)));

    private static async Task<Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>>> TransferFunctionAsync(string id, TransferFunctionRequest request, IGrainFactory grains) =>
        Answer(await Operation(grains, request.OperationId).TransferFunctionAsync(new TransferFunction(request.Function, id, request.ToId, request.EffectiveOn)));

    private static async Task<Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>>> CeaseAsync(string id, CeaseRequest request, IGrainFactory grains) =>
        Answer(await Operation(grains, request.OperationId).CeaseAsync(new CeaseOrganisation(id, request.EffectiveOn, request.FunctionSuccessors, request.SuccessorId)));

    /// <summary>
    /// 200 for an operation that completed; 202, pointing at the operation, for one still applying or retrying after
    /// a failure; 409 with the reason for one that stopped, since the change as asked did not happen in full.
    /// </summary>
    private static Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>> Answer(OrganisationChangeDetails operation) => operation.Status switch
    {
        OrganisationChangeStatus.Completed => TypedResults.Ok(operation),
        OrganisationChangeStatus.Failed => throw new ConflictException($"Operation '{operation.Id}': {operation.Progress} See /api/organisations/operations/{operation.Id}."),
        _ => TypedResults.Accepted($"/api/organisations/operations/{operation.Id}", operation),
    };

    private static async Task<Ok<OrganisationChangeDetails[]>> ListOperationsAsync(IReadModels readModels, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<OrganisationChangeDetails>(cancellationToken);
        return TypedResults.Ok(all.OrderBy(o => o.EffectiveOn).ThenBy(o => o.Id, StringComparer.Ordinal).ToArray());
    }

    private static async Task<Ok<OrganisationChangeDetails>> GetOperationAsync(string operationId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganisationChangeGrain>(operationId).GetAsync());

    private static async Task<Results<Ok<OrganisationChangeDetails>, Accepted<OrganisationChangeDetails>>> ResumeOperationAsync(string operationId, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IOrganisationChangeGrain>(operationId).ResumeAsync());

    private static IOrganisationChangeGrain Operation(IGrainFactory grains, string? operationId)
    {
        if (operationId is not null && !OperationIdPattern().IsMatch(operationId))
        {
            throw new ValidationException("operationId", "An operation id is 1 to 100 letters, digits, dots, hyphens or underscores.");
        }

        return grains.GetGrain<IOrganisationChangeGrain>(operationId ?? Guid.NewGuid().ToString("N"));
    }

    private static bool Contains(string name, string part) => name.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex OperationIdPattern();

    /// <summary>The body of a request to create an organisation.</summary>
    /// <param name="Id">The slug that will identify it (<c>nhs-improvement</c>).</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Kind">What sort of body it is.</param>
    /// <param name="EstablishedOn">When it came into being, if known.</param>
    /// <param name="Functions">The functions it hosts from the start.</param>
    public sealed record CreateOrganisationRequest(string Id, string Name, OrganisationKind Kind, DateOnly? EstablishedOn = null, IReadOnlyList<string>? Functions = null);

    /// <summary>The body of a rename.</summary>
    /// <param name="Name">The new name.</param>
    /// <param name="EffectiveOn">The date it applies from.</param>
    /// <param name="OperationId">The operation id; a new one when not given.</param>
    public sealed record RenameRequest(string Name, DateOnly EffectiveOn, string? OperationId = null);

    /// <summary>The body of a merger.</summary>
    /// <param name="SourceIds">The organisations that merge and close.</param>
    /// <param name="TargetId">The organisation they merge into, existing or new.</param>
    /// <param name="EffectiveOn">The date it takes effect.</param>
    /// <param name="TargetName">A new target's name.</param>
    /// <param name="TargetKind">A new target's kind.</param>
    /// <param name="OperationId">The operation id; a new one when not given.</param>
    public sealed record MergeRequest(IReadOnlyList<string> SourceIds, string TargetId, DateOnly EffectiveOn, string? TargetName = null, OrganisationKind? TargetKind = null, string? OperationId = null);

    /// <summary>The body of a function transfer.</summary>
    /// <param name="Function">The function that moves.</param>
    /// <param name="ToId">The organisation that takes it on.</param>
    /// <param name="EffectiveOn">The date it takes effect.</param>
    /// <param name="OperationId">The operation id; a new one when not given.</param>
    public sealed record TransferFunctionRequest(string Function, string ToId, DateOnly EffectiveOn, string? OperationId = null);

    /// <summary>The body of a cessation.</summary>
    /// <param name="EffectiveOn">The date the organisation ceases.</param>
    /// <param name="FunctionSuccessors">Who takes on each function it hosts.</param>
    /// <param name="SuccessorId">Who takes on the rest of its work.</param>
    /// <param name="OperationId">The operation id; a new one when not given.</param>
    public sealed record CeaseRequest(DateOnly EffectiveOn, IReadOnlyList<FunctionSuccessor>? FunctionSuccessors = null, string? SuccessorId = null, string? OperationId = null);
}
