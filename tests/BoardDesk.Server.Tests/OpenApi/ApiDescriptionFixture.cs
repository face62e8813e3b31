using System.Text.Json.Nodes;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.OpenApi;

/// <summary>The server and its document, fetched once for the class.</summary>
public sealed class ApiDescriptionFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private BoardDeskApi? _api;

    public string Json { get; private set; } = "";

    public JsonNode Document { get; private set; } = new JsonObject();

    public IReadOnlyList<RouteEndpoint> Endpoints { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?>
        {
            ["BoardDesk:LoadSamples"] = "false",
            ["BoardDesk:Cluster:SiloPort"] = "0",
            ["BoardDesk:Cluster:GatewayPort"] = "0",
        });
        Json = await _api.CreateClient().GetStringAsync("/openapi/v1.json");
        Document = JsonNode.Parse(Json)!;
        Endpoints = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    /// <summary>Every operation with the endpoint it describes, matched by name.</summary>
    public IEnumerable<(DescribedOperation Operation, RouteEndpoint Endpoint)> Operations()
    {
        var byName = Endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var id = (string?)operation!["operationId"] ?? $"{method} {path} (no operation id)";
                yield return (new DescribedOperation(id, path, method, operation.AsObject()), byName.GetValueOrDefault(id) ?? throw new Xunit.Sdk.XunitException($"{method} {path} has no endpoint named '{id}'"));
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _folder.Dispose();
    }
}
