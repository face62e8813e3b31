using System.Net;
using System.Net.Http.Json;
using System.Text;
using BoardDesk.Accounts;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc;

namespace BoardDesk.Server.Tests.Security;

public sealed class InputTextTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldRefuseTheBodyNamingTheFieldAndLeaveTheAccountEnabled_WhenAPropertyIsGivenTwice()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var admin = await api.SignedInClientAsync("admin");

        var response = await admin.PutAsync("/api/accounts/ldib-observer/enabled", new StringContent("{\"enabled\": true, \"enabled\": false}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Should().ContainKey("enabled")
            .WhoseValue.Should().ContainSingle().Which.Should().Contain("more than once");
        (await admin.GetFromJsonAsync<AccountDetails>("/api/accounts/ldib-observer"))!.Enabled.Should().BeTrue();
    }

    [Theory]
    [InlineData("Jane\\u0000Substitute")]
    [InlineData("Jane \\u202Eetutitsbus")]
    [InlineData("\\uFEFFJane Substitute")]
    [InlineData("Jane\\u200BSubstitute")]
    [InlineData("Jane\\u2066Substitute\\u2069")]
    [InlineData("Jane\\u001b[31mSubstitute")]
    public async Task ShouldRefuseTheNameNamingTheFieldAndStoreNothing_WhenItHoldsAControlOrInvisibleCharacter(string name)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        (await client.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House" }))
            .EnsureSuccessStatusCode();
        var before = await api.CountEventsAsync();

        var response = await client.PutAsync("/api/boards/ldib/meetings/2015-10-23/attendance", new StringContent(
            $$"""{"attendees":[{"name":"NHS England representative","kind":"Present"},{"name":"{{name}}","kind":"Deputy","deputyFor":"Monitor representative"}]}""",
            Encoding.UTF8,
            "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Should().ContainSingle().Which.Should().Be("attendees[1].name");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldStoreTheText_WhenItHoldsLineBreaksAndLettersOfAnyScript()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var response = await client.PostAsJsonAsync("/api/reviews/smith-2015/recommendations/9/progress", new { on = "2015-11-01", note = "Première étape.\nΔεύτερο βήμα: مرحلة 🙂" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
