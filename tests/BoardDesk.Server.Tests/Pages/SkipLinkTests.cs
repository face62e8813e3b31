using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Components;

namespace BoardDesk.Server.Tests.Pages;

/// <summary>
/// The skip link of every page goes to that page's own main content. The document's <c>&lt;base href="/"&gt;</c>
/// makes a bare <c>#main</c> the home page's, so the link must carry the page's address.
/// </summary>
public sealed partial class SkipLinkTests : IDisposable
{
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BoardId"] = "ldib", ["MeetingId"] = "2015-10-23", ["PaperId"] = "skip-link-paper", ["DecisionId"] = "no-such-decision",
        ["ActionId"] = "no-such-action", ["OrganisationId"] = "monitor", ["ReviewId"] = "smith-2015", ["Number"] = "9", ["ImportId"] = "no-such-import",
    };

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Every page the server has, from the routes its components declare, so that a new page is checked too.</summary>
    private static IReadOnlyList<string> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Select(r => Parameter().Replace(r.Template, m => RouteValues[m.Groups["name"].Value]))
            .Select(path => path.EndsWith("/compare", StringComparison.Ordinal) ? path + "?from=1&to=1" : path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task ShouldSkipToThePagesOwnMainContent_OnEveryPage()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var operatorClient = await api.OperatorClientAsync();
        (await operatorClient.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" })).EnsureSuccessStatusCode();
        (await operatorClient.PostAsJsonAsync("/api/papers", new
        {
            id = "skip-link-paper", boardId = "ldib", meetingId = "2015-10-23",
            content = new { title = "Skip link paper", purpose = "ForInformation", author = "Secretariat", sponsoringOrganisationId = "monitor", body = "One." },
        })).EnsureSuccessStatusCode();
        var admin = await api.SignedInClientAsync("admin");
        var pages = Pages();
        var wrong = new List<string>();

        foreach (var path in pages)
        {
            using var response = await admin.GetAsync(path);
            var page = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.InternalServerError
                || !page.Contains($"<a class=\"skip-link\" href=\"{WebUtility.HtmlEncode(path)}#main\">Skip to main content</a>", StringComparison.Ordinal)
                || !page.Contains("<main id=\"main\"", StringComparison.Ordinal))
            {
                wrong.Add($"{path} ({(int)response.StatusCode})");
            }
        }

        pages.Should().Contain(["/", "/boards/ldib/meetings/2015-10-23", "/papers/skip-link-paper/compare?from=1&to=1"], "every page is found from its route");
        pages.Count.Should().BeGreaterThan(20);
        wrong.Should().BeEmpty("the skip link of every page goes to that page's own main content");
    }

    [GeneratedRegex("{(?<name>[A-Za-z]+)(:[a-z]+)?}")]
    private static partial Regex Parameter();
}
