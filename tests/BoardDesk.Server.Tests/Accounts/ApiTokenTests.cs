using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BoardDesk.Accounts;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Accounts;

public sealed class ApiTokenTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldShowTheTokenOnceStoreOnlyItsHashAndStopItWhenRevoked()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var owner = await api.SignedInClientAsync("ldib-lead");

        var issued = await (await owner.PostAsJsonAsync("/api/account/tokens", new { name = "action log script" })).Content.ReadFromJsonAsync<IssuedToken>();
        var script = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued!.Token);

        ApiTokens.TryParse(issued.Token, out _, out var secret).Should().BeTrue();
        Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length.Should().BeGreaterThanOrEqualTo(16, "at least 128 random bits");
        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.HistoryAsync("account/ldib-lead")).Should().NotContain(secret, "only the secret's hash is stored");
        (await owner.GetStringAsync("/api/account")).Should().NotContain(secret, "the token is shown once");

        (await owner.DeleteAsync($"/api/account/tokens/{issued.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldActivateNoGrainAndAnswer429PastTheLimit_WhenAStrangerSendsRandomWellFormedTokens()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "10" });
        var member = await api.TokenClientAsync("ldib-member");
        (await member.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);
        var management = api.Services.GetRequiredService<IGrainFactory>().GetGrain<Orleans.Runtime.IManagementGrain>(0);
        var activationsBefore = await AccountActivationsAsync(management);
        var stranger = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            var (_, token, _) = ApiTokens.Create();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await stranger.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.Should().NotBeNull();
            }
        }

        (await AccountActivationsAsync(management)).Should().Be(activationsBefore, "a token nobody issued is refused from the published documents, without activating a grain");
        statuses.Take(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.Unauthorized));
        statuses.Skip(10).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.TooManyRequests), "refused tokens count against the sign-in limit per address");
        (await member.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK, "a valid token from the same address still works");
    }

    [Theory]
    [InlineData("bd_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("bd_")]
    public async Task ShouldAnswer401_WhenTheTokenIsForgedOrMalformed(string token)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/session");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("short1!", false)]
    [InlineData("password123", false)]
    [InlineData("Password2024!", false)]
    [InlineData("a walk along the thames", true)]
    public async Task ShouldApplyThePasswordRules_WhenAnAdministratorCreatesAnAccount(string password, bool accepted)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var admin = await api.SignedInClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/accounts", new { userName = "new-person", displayName = "New Person", password });

        response.StatusCode.Should().Be(accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ShouldAcceptSixtyFourCharacterPasswordsAndRefuseLongerThan128()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var admin = await api.SignedInClientAsync("admin");

        var long64 = await admin.PostAsJsonAsync("/api/accounts", new { userName = "long-64", displayName = "L", password = new string('q', 30) + " " + new string('z', 33) });
        var long129 = await admin.PostAsJsonAsync("/api/accounts", new { userName = "long-129", displayName = "L", password = new string('q', 129) });

        long64.StatusCode.Should().Be(HttpStatusCode.Created);
        long129.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>The activations of the grains a token lookup would wake: accounts and API tokens.</summary>
    private static async Task<int> AccountActivationsAsync(Orleans.Runtime.IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("AccountGrain", StringComparison.Ordinal) || s.GrainType.Contains("ApiTokenGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
