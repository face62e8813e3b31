using System.Net;
using System.Net.Http.Json;
using BoardDesk.Accounts;
using BoardDesk.Server.Endpoints;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Server.Tests.Accounts;

public sealed class SessionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldStartAnHttpOnlySessionWithTheRoles_WhenTheSampleChairSignsIn()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/session", new { userName = "LDIB-Chair", password = BoardDeskApi.SamplePassword });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("boarddesk.session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
        var session = await response.Content.ReadFromJsonAsync<Session.SessionInfo>();
        session!.BoardRoles.Should().Equal(new BoardRoleGrant("ldib", BoardRole.Chair));
    }

    [Fact]
    public async Task ShouldMarkTheSessionCookieSecure_WhenServedOverHttps()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = BoardDeskApi.SamplePassword });

        response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("boarddesk.session=", StringComparison.Ordinal)).Should().Contain("secure");
    }

    [Fact]
    public async Task ShouldGiveOneAnswer_WhenTheUserIsUnknownThePasswordWrongTheAccountLockedOrDisabled()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var admin = await api.SignedInClientAsync("admin");
        (await admin.PutAsJsonAsync("/api/accounts/ldib-observer/enabled", new { enabled = false })).EnsureSuccessStatusCode();
        var client = api.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/session", new { userName = "nobody-here", password = BoardDeskApi.SamplePassword });
        var wrong = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-lead", password = "not the password" });
        var disabled = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-observer", password = BoardDeskApi.SamplePassword });

        var answers = new[] { unknown, wrong, disabled };
        answers.Should().AllSatisfy(a => a.StatusCode.Should().Be(HttpStatusCode.Unauthorized));
        var details = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail));
        details.Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldLockTheAccount_WhenTheWrongPasswordIsGivenFiveTimes()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "100" });
        var client = api.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/session", new { userName = "ldib-lead", password = $"wrong password {i}" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var rightButLocked = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-lead", password = BoardDeskApi.SamplePassword });

        rightButLocked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var history = await api.HistoryAsync("account/ldib-lead");
        history.Should().Contain("AccountLockedOut");
    }

    [Fact]
    public async Task ShouldIssueANewSession_WhenThePersonSignsInAgain()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var first = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = BoardDeskApi.SamplePassword });
        var second = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = BoardDeskApi.SamplePassword });

        SessionCookie(first).Should().NotBe(SessionCookie(second));
    }

    [Fact]
    public async Task ShouldEndTheSession_WhenItIsIdleForLongerThanTheIdleTimeout()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SessionIdleTimeout"] = "00:00:02" });
        var client = await api.SignedInClientAsync("ldib-chair");
        (await client.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(3));

        (await client.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldEndTheSession_WhenItIsOlderThanTheAbsoluteTimeoutHoweverActive()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SessionAbsoluteTimeout"] = "00:00:03" });
        var client = await api.SignedInClientAsync("ldib-chair");

        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        (await client.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldRejectTheSessionAndTheTokenOnTheNextRequest_WhenTheAccountIsDisabled()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var member = await api.SignedInClientAsync("ldib-member");
        var script = await api.TokenClientAsync("ldib-member");
        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);
        var admin = await api.SignedInClientAsync("admin");

        (await admin.PutAsJsonAsync("/api/accounts/ldib-member/enabled", new { enabled = false })).EnsureSuccessStatusCode();

        (await member.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldEndOtherSessions_WhenThePasswordChanges()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var laptop = await api.SignedInClientAsync("ldib-secretary");
        var phone = await api.SignedInClientAsync("ldib-secretary");

        var change = await laptop.PutAsJsonAsync("/api/account/password", new { currentPassword = BoardDeskApi.SamplePassword, newPassword = "a much better passphrase" });

        change.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await phone.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.CreateClient().PostAsJsonAsync("/api/session", new { userName = "ldib-secretary", password = "a much better passphrase" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldRefuseAChangeWithoutTheAntiforgeryToken_WhenItIsSentWithASessionCookie()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient();
        (await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = BoardDeskApi.SamplePassword })).EnsureSuccessStatusCode();

        var forged = await client.PostAsJsonAsync("/api/account/tokens", new { name = "forged" });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forged.Content.ReadFromJsonAsync<ProblemDetails>())!.Title.Should().Contain("antiforgery");
        (await client.GetFromJsonAsync<AccountDetails>("/api/account"))!.Tokens.Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldAnswer429_WhenSignInIsAttemptedTooOftenFromOneAddress()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "3" });
        var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = "wrong" })).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ShouldCountTheSignInPageWithTheApi_WhenSignInIsAttemptedTooOftenFromOneAddress()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "3" });
        var client = api.CreateClient();
        var page = await client.GetStringAsync("/sign-in");
        Task<HttpResponseMessage> PostPageAsync() =>
            PageForms.PostAsync(client, "/sign-in", page, "sign-in", new() { ["Input.UserName"] = "ldib-chair", ["Input.Password"] = "wrong" });

        var statuses = new List<HttpStatusCode>
        {
            (await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = "wrong" })).StatusCode,
            (await PostPageAsync()).StatusCode,
            (await PostPageAsync()).StatusCode,
        };
        var refused = await PostPageAsync();

        statuses.Should().NotContain(HttpStatusCode.TooManyRequests);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the page and the API share one count per address");
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "a person at the page gets a page");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Too many attempts");
        (await client.GetAsync("/sign-in")).StatusCode.Should().Be(HttpStatusCode.OK, "reading the page is never refused");
        (await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ShouldAnswerTheSame_WhenAPasswordResetIsAskedForAKnownOrAnUnknownAccount()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient();

        var known = await client.PostAsJsonAsync("/api/accounts/password-reset", new { userName = "ldib-lead" });
        var unknown = await client.PostAsJsonAsync("/api/accounts/password-reset", new { userName = "nobody-at-all" });

        known.StatusCode.Should().Be(HttpStatusCode.Accepted);
        unknown.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await known.Content.ReadAsStringAsync()).Should().Be(await unknown.Content.ReadAsStringAsync());
        var admin = await api.SignedInClientAsync("admin");
        (await admin.GetFromJsonAsync<AccountDetails>("/api/accounts/ldib-lead"))!.PasswordResetRequested.Should().BeTrue();
    }

    [Fact]
    public async Task ShouldRefuseAKeptCookie_WhenItsSessionHasBeenSignedOut()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var signIn = await client.PostAsJsonAsync("/api/session", new { userName = "ldib-chair", password = BoardDeskApi.SamplePassword });
        var kept = SessionCookie(signIn);
        using var antiforgeryRequest = new HttpRequestMessage(HttpMethod.Get, "/api/session/antiforgery");
        antiforgeryRequest.Headers.Add("Cookie", kept);
        var antiforgery = await client.SendAsync(antiforgeryRequest);
        var antiforgeryCookie = antiforgery.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = (await antiforgery.Content.ReadFromJsonAsync<Session.AntiforgeryToken>())!;
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
        signOut.Headers.Add("Cookie", $"{kept}; {antiforgeryCookie}");
        signOut.Headers.Add(token.HeaderName, token.Token);

        (await client.SendAsync(signOut)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        replay.Headers.Add("Cookie", kept);
        (await client.SendAsync(replay)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "signing out ends the session on the server");
    }

    [Fact]
    public async Task ShouldKeepOtherSessions_WhenOneSessionSignsOut()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var laptop = await api.SignedInClientAsync("ldib-secretary");
        var phone = await api.SignedInClientAsync("ldib-secretary");

        (await laptop.DeleteAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await phone.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldRevokeEveryApiToken_WhenThePasswordChanges()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var script = await api.TokenClientAsync("ldib-secretary");
        var laptop = await api.SignedInClientAsync("ldib-secretary");

        (await laptop.PutAsJsonAsync("/api/account/password", new { currentPassword = BoardDeskApi.SamplePassword, newPassword = "a much better passphrase" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var fresh = await api.SignedInClientAsync("ldib-secretary", "a much better passphrase");
        (await fresh.GetFromJsonAsync<AccountDetails>("/api/account"))!.Tokens.Should().OnlyContain(t => t.RevokedAt != null);
    }

    [Fact]
    public async Task ShouldKeepTokensAndSessionsEnded_WhenADisabledAccountIsEnabledAgain()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var script = await api.TokenClientAsync("ldib-lead");
        var session = await api.SignedInClientAsync("ldib-lead");
        var admin = await api.SignedInClientAsync("admin");

        (await admin.PutAsJsonAsync("/api/accounts/ldib-lead/enabled", new { enabled = false })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/accounts/ldib-lead/enabled", new { enabled = true })).EnsureSuccessStatusCode();

        (await script.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "disabling revokes tokens for good");
        (await session.GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await api.SignedInClientAsync("ldib-lead")).GetAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.OK, "the person may sign in again");
    }

    [Fact]
    public async Task ShouldLogTheUserNameEscaped_WhenASignInNameHoldsControlCharacters()
    {
        var logs = new CapturedLogs();
        await using var api = BoardDeskApi.OnFreshData(_folder);
        await using var logged = api.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        await logged.CreateClient().PostAsJsonAsync("/api/session", new { userName = "ldib-chair\r\nSigned in\tadmin", password = "wrong" });

        var line = logs.Messages.Should().ContainSingle(m => m.StartsWith("Failed sign-in", StringComparison.Ordinal)).Subject;
        line.Should().NotContain("\r").And.NotContain("\n").And.NotContain("\t");
        line.Should().Contain("ldib-chair\\u000d\\u000asigned in\\u0009admin");
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        // Signing in first expires any earlier session cookie, then sets the new one: the last header is the session.
        response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("boarddesk.session=", StringComparison.Ordinal)).Split(';')[0];
}
