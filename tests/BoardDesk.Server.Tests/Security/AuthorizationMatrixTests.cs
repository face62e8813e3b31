using System.Net;
using System.Net.Http.Json;
using System.Text;
using BoardDesk.Accounts;
using BoardDesk.Server.Infrastructure;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Security;

public sealed class AuthorizationMatrixTests : IDisposable
{
    /// <summary>The sample accounts and the roles they hold on the LDIB.</summary>
    private static readonly Dictionary<string, AccountDetails> Callers = new()
    {
        ["admin"] = Account("admin", administrator: true),
        ["ldib-secretary"] = Account("ldib-secretary", roles: new BoardRoleGrant("ldib", BoardRole.Secretariat)),
        ["ldib-chair"] = Account("ldib-chair", roles: new BoardRoleGrant("ldib", BoardRole.Chair)),
        ["ldib-member"] = Account("ldib-member", roles: new BoardRoleGrant("ldib", BoardRole.Member, "nhs-england")),
        ["ldib-lead"] = Account("ldib-lead", roles: new BoardRoleGrant("ldib", BoardRole.ProgrammeLead, "monitor")),
        ["ldib-observer"] = Account("ldib-observer", roles: new BoardRoleGrant("ldib", BoardRole.Observer)),
    };

    private static readonly Dictionary<string, string> SampleRouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boardId"] = "ldib", ["id"] = "monitor", ["reviewId"] = "smith-2015", ["number"] = "9", ["userName"] = "no-such-person",
        ["tokenId"] = "0000000000000000", ["operationId"] = "no-such-operation", ["meetingId"] = "2015-10-23", ["role"] = "Observer", ["itemId"] = "1", ["paperId"] = "no-such-paper",
        ["decisionId"] = "no-such-decision", ["personId"] = "no-such-person", ["interestId"] = "1", ["declarationId"] = "1",
    };

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldDeclareAPermissionOnEveryApiEndpoint()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);

        var undeclared = ApiEndpoints(api).Where(e => EndpointAccess.PermissionOf(e) is null).Select(e => e.DisplayName).ToList();

        undeclared.Should().BeEmpty("every API endpoint says which permission it needs");
    }

    [Fact]
    public async Task ShouldAnswerEachRoleExactlyAsTheAccessPolicySays_WhenEveryEndpointIsCalledAsEveryRole()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "1000" });
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = api.CreateClient() };
        foreach (var name in Callers.Keys)
        {
            clients[name] = await api.TokenClientAsync(name);
        }

        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in ApiEndpoints(api))
        {
            var declared = EndpointAccess.PermissionOf(endpoint)!;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                foreach (var (caller, client) in clients)
                {
                    var allowed = caller != "anonymous"
                        ? AccessPolicy.Allows(AccountPrincipal.Create(Callers[caller], "test", DateTimeOffset.UtcNow), declared.Permission, declared.BoardScoped ? "ldib" : null)
                        : declared.Permission == Permission.ReadPublic;
                    using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint));
                    if (method is "POST" or "PUT" or "PATCH" or "DELETE")
                    {
                        var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
                        request.Content = new StringContent(contentType == "application/json" ? "{}" : "", Encoding.UTF8, contentType);
                    }

                    using var response = await client.SendAsync(request);
                    checkedCount++;
                    var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                    // 404 for a refused caller only where the thing is private or its route did not match.
                    var expectedDenial = caller == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                    var asExpected = allowed ? !denied : response.StatusCode == expectedDenial || response.StatusCode == HttpStatusCode.NotFound;
                    if (!asExpected)
                    {
                        wrong.Add($"{caller,-15} {method,-6} {PathOf(endpoint)} ({declared.Permission}): {(int)response.StatusCode}, expected {(allowed ? "allowed" : $"{(int)expectedDenial}")}");
                    }
                }
            }
        }

        wrong.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(200);
    }

    [Fact]
    public async Task ShouldLetOnlyTheTrackingBoardsAndTheOwnersProgrammeLeadsChangeARecommendation_WhenEveryRoleTriesEveryChange()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "1000" });
        var admin = await api.SignedInClientAsync("admin");
        foreach (var (user, board, role, organisation) in new[] { ("nqb-chair", "nqb", "Chair", null), ("nqb-secretary", "nqb", "Secretariat", null), ("hee-lead", "ldib", "ProgrammeLead", "hee"), ("cqc-lead", "ldib", "ProgrammeLead", "cqc") })
        {
            (await admin.PostAsJsonAsync("/api/accounts", new { userName = user, displayName = user, password = BoardDeskApi.SamplePassword })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/accounts/{user}/roles", new { boardId = board, role, organisationId = organisation })).EnsureSuccessStatusCode();
        }

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = api.CreateClient() };
        foreach (var name in Callers.Keys.Concat(["nqb-chair", "nqb-secretary", "hee-lead", "cqc-lead"]))
        {
            clients[name] = await api.TokenClientAsync(name);
        }

        // smith-2015/1 is led by Monitor with NHS TDA, NHS England and HEE supporting, smith-2015/9 by the Leadership
        // Academy; the LDIB tracks the Smith review, the NQB the Messenger review.
        var allowed = new HashSet<(string Caller, string Change, string Recommendation)>();
        foreach (var recommendation in new[] { "smith-2015/1", "smith-2015/9" })
        {
            allowed.UnionWith([("ldib-secretary", "owners", recommendation), ("ldib-secretary", "response", recommendation), ("ldib-secretary", "progress", recommendation)]);
            allowed.UnionWith([("ldib-chair", "owners", recommendation), ("ldib-chair", "response", recommendation)]);
        }

        allowed.UnionWith([("ldib-lead", "progress", "smith-2015/1"), ("hee-lead", "progress", "smith-2015/1")]);
        allowed.UnionWith([("nqb-chair", "owners", "messenger-2022/4"), ("nqb-chair", "response", "messenger-2022/4"), ("nqb-secretary", "owners", "messenger-2022/4"), ("nqb-secretary", "response", "messenger-2022/4"), ("nqb-secretary", "progress", "messenger-2022/4")]);
        // Progress first: a change of owners would change who may report it.
        var bodies = new (string Change, object Body)[]
        {
            ("progress", new { on = "2015-11-01", note = "Reported." }),
            ("response", new { response = "AcceptedInPart" }),
            ("owners", new { leadOwner = new { organisationId = "hee" }, effectiveOn = "2015-11-01" }),
        };

        var wrong = new List<string>();
        foreach (var recommendation in new[] { "smith-2015/1", "smith-2015/9", "messenger-2022/4" })
        {
            var (review, number) = (recommendation.Split('/')[0], recommendation.Split('/')[1]);
            foreach (var (change, body) in bodies)
            {
                foreach (var (caller, client) in clients)
                {
                    using var response = await client.PostAsJsonAsync($"/api/reviews/{review}/recommendations/{number}/{change}", body);
                    var expected = allowed.Contains((caller, change, recommendation)) ? HttpStatusCode.OK : caller == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                    if (response.StatusCode != expected)
                    {
                        wrong.Add($"{caller,-15} {change,-8} {recommendation}: {(int)response.StatusCode}, expected {(int)expected}");
                    }
                }
            }
        }

        wrong.Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldAnswerAHiddenIdExactlyAsAnUnknownOne_WhenEveryEndpointNamingAPaperDecisionOrActionIsCalledAsEveryRole()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "1000" });
        var operatorClient = await api.OperatorClientAsync();
        (await operatorClient.PostAsJsonAsync("/api/papers", new
        {
            id = "nqb-draft",
            boardId = "nqb",
            content = new { title = "NQB draft", purpose = "ForDiscussion", author = "Secretariat", sponsoringOrganisationId = "cqc", summary = "A summary.", body = "1. A paragraph." },
        })).EnsureSuccessStatusCode();
        (await operatorClient.PostAsJsonAsync("/api/boards/nqb/decisions", new
        {
            decisionId = "nqb-procedure",
            closesAt = DateTimeOffset.UtcNow.AddHours(1),
            motion = "The board agrees its work plan.",
            method = "SimpleMajority",
            ballot = "Named",
            unit = "Organisation",
        })).EnsureSuccessStatusCode();
        (await operatorClient.PostAsJsonAsync("/api/boards/nqb/actions", new
        {
            actionId = "nqb-action",
            description = "Write the work plan.",
            owner = new { person = "someone-else", organisationId = "cqc" },
            dueOn = "2016-01-31",
            source = new { kind = "MinuteItem", reference = "2015-10-23#5" },
        })).EnsureSuccessStatusCode();
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = api.CreateClient() };
        foreach (var name in Callers.Keys)
        {
            clients[name] = await api.TokenClientAsync(name);
        }

        var hidden = new Dictionary<string, string>(SampleRouteValues, StringComparer.OrdinalIgnoreCase) { ["paperId"] = "nqb-draft", ["decisionId"] = "nqb-procedure", ["actionId"] = "nqb-action" };
        var unknown = new Dictionary<string, string>(SampleRouteValues, StringComparer.OrdinalIgnoreCase) { ["actionId"] = "no-such-action" };
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in ApiEndpoints(api).Where(e => e.RoutePattern.Parameters.Any(p => p.Name is "paperId" or "decisionId" or "actionId")))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                foreach (var (caller, client) in clients)
                {
                    var forHidden = await StatusAsync(client, method, PathOf(endpoint, hidden), endpoint);
                    var forUnknown = await StatusAsync(client, method, PathOf(endpoint, unknown), endpoint);
                    checkedCount++;
                    if (forHidden != forUnknown)
                    {
                        wrong.Add($"{caller,-15} {method,-6} {PathOf(endpoint, hidden)}: {(int)forHidden}, but {(int)forUnknown} for an unknown id");
                    }
                }
            }
        }

        wrong.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(100);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string method, string path, RouteEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            request.Content = new StringContent(contentType == "application/json" ? "{}" : "", Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static IEnumerable<RouteEndpoint> ApiEndpoints(BoardDeskApi api) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null);

    private static string PathOf(RouteEndpoint endpoint, IReadOnlyDictionary<string, string>? values = null) => "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => (values ?? SampleRouteValues).GetValueOrDefault(parameter.Name, "sample"),
            _ => "",
        }))));

    private static AccountDetails Account(string userName, bool administrator = false, params BoardRoleGrant[] roles) => new()
    {
        UserName = userName,
        DisplayName = userName,
        Enabled = true,
        SystemAdministrator = administrator,
        SecurityStamp = "",
        BoardRoles = roles,
    };
}
