using System.Net;
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
        ["ldib-lead"] = Account("ldib-lead", roles: new BoardRoleGrant("ldib", BoardRole.ProgrammeLead)),
        ["ldib-observer"] = Account("ldib-observer", roles: new BoardRoleGrant("ldib", BoardRole.Observer)),
    };

    private static readonly Dictionary<string, string> SampleRouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boardId"] = "ldib", ["id"] = "monitor", ["reviewId"] = "smith-2015", ["number"] = "9", ["userName"] = "no-such-person",
        ["tokenId"] = "0000000000000000", ["operationId"] = "no-such-operation", ["meetingId"] = "2015-10-23", ["role"] = "Observer", ["itemId"] = "1", ["paperId"] = "no-such-paper",
        ["decisionId"] = "no-such-decision",
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

    private static IEnumerable<RouteEndpoint> ApiEndpoints(BoardDeskApi api) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null);

    private static string PathOf(RouteEndpoint endpoint) => "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => SampleRouteValues.GetValueOrDefault(parameter.Name, "sample"),
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
