using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Bogus;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Security;

public sealed class FuzzTests : IDisposable
{
    private static readonly string[] PathTricks =
    [
        "..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "%0d%0aSet-Cookie:x=1", "<script>alert(1)</script>", "'; DROP TABLE events; --",
        "%ff%fe", "con", "a/b/c", "%252e%252e", "\u202e", "null", "-1", "99999999999999999999", "smith-2015%2F9", " ", "%20",
    ];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldNeverAnswer500OrLeakAStackTrace_WhenEveryEndpointReceivesTenThousandMalformedRequests()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        // Half the requests come from nobody, half from an operator whose token passes authorization, so that the
        // malformed input reaches binding, validation and the grains.
        var clients = new[] { api.CreateClient(new() { AllowAutoRedirect = false }), await api.OperatorClientAsync() };
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();
        var faker = new Faker { Random = new Randomizer(20151023) };
        var failures = new List<string>();
        var statuses = new HashSet<HttpStatusCode>();
        var sent = 0;

        while (sent < 10_000)
        {
            foreach (var endpoint in endpoints)
            {
                var method = faker.PickRandom(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.ToArray());
                using var request = new HttpRequestMessage(new HttpMethod(method), Path(endpoint, faker) + Query(faker));
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent(Body(endpoint, faker), Encoding.UTF8, faker.Random.Bool(0.9f) ? "application/json" : "text/plain");
                }

                using var response = await clients[sent % 2].SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                sent++;
                statuses.Add(response.StatusCode);
                if ((int)response.StatusCode >= 500 || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {request.RequestUri} -> {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
                }
            }
        }

        failures.Should().BeEmpty();
        sent.Should().BeGreaterThanOrEqualTo(10_000);
        statuses.Should().Contain([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized], "the requests reached the handlers, not only the router");
        (await clients[0].GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "the server is still healthy");
        (await api.Services.GetRequiredService<BoardDesk.Persistence.Storage.IJournalStore>().VerifyAsync()).Intact.Should().BeTrue();
    }

    private static string Path(RouteEndpoint endpoint, Faker faker)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => faker.Random.Int(0, 5) switch
                    {
                        0 => faker.PickRandom(PathTricks),
                        1 => Uri.EscapeDataString(faker.Random.String2(faker.Random.Int(1, 3000))),
                        2 => faker.Random.Int(-10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        3 => faker.PickRandom("monitor", "nhs-england", "ldib", "smith-2015", "2015-10-23", "dh"),
                        _ => Uri.EscapeDataString(faker.Lorem.Slug()),
                    },
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Query(Faker faker) => faker.Random.Int(0, 3) switch
    {
        0 => "",
        1 => $"?page={faker.Random.Int(-5, 1_000_000)}&pageSize={faker.Random.Int(-5, 100_000)}",
        2 => $"?{Uri.EscapeDataString(faker.Lorem.Word())}={Uri.EscapeDataString(faker.Random.String2(faker.Random.Int(0, 500)))}&status=Bogus&rag=Purple",
        _ => "?" + string.Join("&", Enumerable.Range(0, 50).Select(i => $"q{i}={faker.Random.Int()}")),
    };

    private static string Body(RouteEndpoint endpoint, Faker faker)
    {
        var type = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        return faker.Random.Int(0, 11) switch
        {
            0 => "{",
            1 => "[]",
            2 => "null",
            3 => "\"just a string\"",
            4 => Encoding.Latin1.GetString(faker.Random.Bytes(faker.Random.Int(1, 200))),
            5 => new string('[', 5000) + new string(']', 5000),
            6 => "",
            7 => "{\"a\":" + new string('"', 1) + new string('x', 200_000) + "\"}",
            _ => Shaped(type, faker),
        };
    }

    /// <summary>An object with the request type's property names and wrong, huge or unknown values.</summary>
    private static string Shaped(Type? type, Faker faker)
    {
        var properties = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [];
        var body = new Dictionary<string, object?>();
        foreach (var property in properties)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (faker.Random.Bool(0.2f))
            {
                continue; // missing
            }

            body[name] = faker.Random.Int(0, 8) switch
            {
                0 => null,
                1 => faker.Random.Int(),
                2 => new string('x', faker.Random.Int(1000, 120_000)),
                3 => "UnknownEnumValue",
                4 => new[] { 1, 2, 3 },
                5 => new Dictionary<string, object> { ["nested"] = new string('y', 100) },
                6 => faker.Random.Bool(),
                7 => "2015-13-45",
                _ => faker.Lorem.Sentence(),
            };
        }

        return JsonSerializer.Serialize(body);
    }
}
