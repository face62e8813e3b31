using System.Globalization;
using System.Text.Json.Nodes;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace BoardDesk.Server.Tests.OpenApi;

/// <summary>
/// The API description at /openapi/v1.json, read as a client generator reads it. The rules are checked on every
/// operation, so an endpoint added later without what a client needs fails here.
/// </summary>
public sealed class ApiDescriptionTests : IClassFixture<ApiDescriptionFixture>
{
    private readonly ApiDescriptionFixture _described;

    public ApiDescriptionTests(ApiDescriptionFixture described) => _described = described;

    [Fact]
    public async Task ShouldReadWithoutErrorsOrWarnings_WhenTheDocumentIsLoadedAndValidatedByMicrosoftOpenApi()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_described.Json));
        var settings = new OpenApiReaderSettings();
        settings.AddJsonReader();

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json", settings);

        diagnostic!.Errors.Should().BeEmpty();
        diagnostic.Warnings.Should().BeEmpty();
        var read = document ?? throw new Xunit.Sdk.XunitException("The reader produced no document.");
        (read.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).Select(e => e.ToString()).Should().BeEmpty();
        read.Paths.Keys.Should().Contain("/api/organisations");
    }

    [Fact]
    public void ShouldDeclareWhatAClientNeeds_WhenAnyOperationIsDescribed()
    {
        var missing = new List<string>();
        foreach (var (operation, endpoint) in _described.Operations())
        {
            var name = operation.Id;
            void Expect(bool condition, string what)
            {
                if (!condition)
                {
                    missing.Add($"{name} ({operation.Method.ToUpperInvariant()} {operation.Path}): {what}");
                }
            }

            var o = operation.Node;
            Expect(!string.IsNullOrWhiteSpace((string?)o["summary"]), "a summary (.WithSummary)");
            foreach (var parameter in o["parameters"]?.AsArray() ?? [])
            {
                Expect(!string.IsNullOrWhiteSpace((string?)parameter!["description"]), $"a description of its parameter '{parameter["name"]}'");
                Expect(parameter["schema"]?["type"] is not null || parameter["schema"]?["$ref"] is not null, $"a typed schema for its parameter '{parameter["name"]}'");
            }

            var responses = o["responses"]!.AsObject();
            foreach (var (code, response) in responses)
            {
                var status = int.Parse(code, CultureInfo.InvariantCulture);
                if (status >= 400)
                {
                    var schema = (string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                    Expect(schema == (status == 400 ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails"),
                        $"its {code} answer as application/problem+json with the problem details schema");
                }
                else if (status is >= 200 and < 300 and not 204 and not 202)
                {
                    Expect(response!["content"]?.AsObject().Count > 0, $"the content type of its {code} answer (.Produces(…, contentType: …) for a file)");
                }
            }

            var permission = EndpointAccess.PermissionOf(endpoint);
            var needsCaller = permission is not null && permission.Permission != Permission.ReadPublic;
            var security = o["security"]?.AsArray().Select(r => string.Join("+", r!.AsObject().Select(s => s.Key))).ToList() ?? [];
            if (needsCaller)
            {
                Expect(security.Contains("bearer") && security.Contains("cookie") && !security.Contains(""), "the bearer and cookie schemes as requirements, without an anonymous alternative");
                Expect(responses.ContainsKey("401"), "401 for a request without a caller");
                Expect(permission!.Permission == Permission.OwnAccount || responses.ContainsKey("403"), "403 for a caller without the permission");
            }
            else
            {
                Expect(security.Contains(""), "no required scheme: it is open to everyone");
            }

            Expect(!operation.Path.Contains('{') || responses.ContainsKey("404"), "404 for an id that does not exist");
            if (operation.Method is not "get")
            {
                Expect(responses.ContainsKey("400"), "400 for invalid fields");
                Expect(responses.ContainsKey("409"), "409 for a change refused in the current state");
            }

            if (o["requestBody"] is not null)
            {
                Expect(responses.ContainsKey("413"), "413 for a body that is too large");
            }

            if (endpoint.Metadata.GetMetadata<AddressLimitAttribute>() is not null)
            {
                Expect(responses.ContainsKey("429"), "429 for too many attempts");
            }

            if (operation.Path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Expect(responses.ContainsKey("503"), "503 for a store or cluster that cannot answer now");
            }
        }

        missing.Should().BeEmpty();
        _described.Operations().Should().HaveCountGreaterThan(90, "every API endpoint is described");
    }

    [Fact]
    public void ShouldDescribeEveryApiEndpoint_WhenTheServerMapsIt()
    {
        var described = _described.Operations().Select(o => o.Operation.Id).ToHashSet();

        var undescribed = _described.Endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"{e.DisplayName} (no .WithName)")
            .Where(name => !described.Contains(name))
            .ToList();

        undescribed.Should().BeEmpty("every API endpoint has a name, which is its operation id");
    }

    [Theory]
    [InlineData("/api/boards/{boardId}/calendar.ics", "text/calendar")]
    [InlineData("/api/boards/{boardId}/meetings/{meetingId}/pack.pdf", "application/pdf")]
    [InlineData("/api/boards/{boardId}/meetings/{meetingId}/pack", "text/html")]
    [InlineData("/api/actions/export.csv", "text/csv")]
    [InlineData("/api/actions/export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/papers/{paperId}/attachments/{attachmentId}", "application/octet-stream")]
    public void ShouldDeclareTheFileAndItsContentType_WhenAnOperationAnswersWithAFile(string path, string contentType)
    {
        var content = _described.Document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        content.Select(c => c.Key).Should().Equal(contentType);
        content[contentType]!["schema"]!.ToJsonString().Should().Be("""{"type":"string","format":"binary"}""");
    }

    [Fact]
    public void ShouldDescribeTheBearerTokenAndTheSessionCookie_WhenTheSecuritySchemesAreRead()
    {
        var schemes = _described.Document["components"]!["securitySchemes"]!;

        ((string?)schemes["bearer"]!["type"]).Should().Be("http");
        ((string?)schemes["bearer"]!["scheme"]).Should().Be("bearer");
        ((string?)schemes["cookie"]!["type"]).Should().Be("apiKey");
        ((string?)schemes["cookie"]!["in"]).Should().Be("cookie");
        ((string?)schemes["cookie"]!["name"]).Should().Be("boarddesk.session");
    }

    [Fact]
    public void ShouldListTheNamesOfAnEnum_WhenAParameterOrPropertyIsOne()
    {
        var status = _described.Document["paths"]!["/api/actions"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "status")!;
        var schema = _described.Document["components"]!["schemas"]!["ActionStatus"]!;

        ((string?)status["schema"]!["$ref"]).Should().Be("#/components/schemas/ActionStatus");
        ((string?)status["description"]).Should().Contain("One of: Open, InProgress, ProposedForClosure, Closed, Deferred.");
        ((string?)schema["type"]).Should().Be("string");
        schema["enum"]!.AsArray().Select(e => (string?)e).Should().Equal("Open", "InProgress", "ProposedForClosure", "Closed", "Deferred");
    }

    [Fact]
    public void ShouldTypeEverySchema_WhenPropertiesHoldTextNumbersAndLists()
    {
        var untyped = new List<string>();
        void Walk(JsonNode? node, string at)
        {
            if (node is JsonObject schema)
            {
                if (at.EndsWith("/items", StringComparison.Ordinal) || at.Contains("/properties/", StringComparison.Ordinal) && !at.EndsWith("/properties", StringComparison.Ordinal))
                {
                    var types = schema["type"] switch
                    {
                        JsonArray list => list.Select(t => (string?)t).ToList(),
                        JsonValue one => [(string?)one],
                        _ => [],
                    };
                    var typed = types.Count > 0 || schema["$ref"] is not null || schema["anyOf"] is not null || schema["oneOf"] is not null || schema["allOf"] is not null;
                    var listOfWhat = types.Contains("array") && schema["items"] is null;
                    var numberOrText = types.Contains("string") && (types.Contains("integer") || types.Contains("number"));
                    if (!typed || listOfWhat || numberOrText)
                    {
                        untyped.Add(at);
                    }
                }

                foreach (var (key, value) in schema)
                {
                    Walk(value, $"{at}/{key}");
                }
            }
        }

        foreach (var (name, schema) in _described.Document["components"]!["schemas"]!.AsObject())
        {
            Walk(schema, name);
        }

        untyped.Should().BeEmpty("a generated client needs a type for each property: string, number, list of what");
    }
}
