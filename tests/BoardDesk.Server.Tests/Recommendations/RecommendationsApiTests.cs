using System.Net;
using System.Net.Http.Json;
using System.Text;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Server.Infrastructure;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Recommendations;

/// <summary>Reviews, recommendations, the register and CSV import through the API.</summary>
public sealed class RecommendationsApiTests : IDisposable
{
    private const string GoodCsv = "number,heading,text,response,rationale,leadOwner,leadFunction,supportingOwners,status,rag,progressPercent\n"
        + "1,Delivery,\"A delivery plan, with timelines\",accepted in full,Accepted,nhs-england,,hee;cqc,in progress,amber,25\n"
        + "2,Delivery,Annual report on progress,AcceptedInPart,,dh,,,NotStarted,,\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldListTheThreeReviewsWithTheirRecommendations_WhenTheSamplesAreLoaded()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var reviews = await client.GetOkAsync<ReviewDetails[]>("/api/reviews");
        var smith = await client.GetOkAsync<RegisterPage>("/api/reviews/smith-2015/recommendations?pageSize=100");
        var rose = await client.GetOkAsync<RegisterPage>("/api/recommendations?reviewId=rose-2015&pageSize=100");

        reviews.Select(r => r.Id).Should().Equal("messenger-2022", "rose-2015", "smith-2015");
        smith.Items.Where(i => i.Recommendation.Response == GovernmentResponse.AcceptedInFull).Select(i => i.Recommendation.Number).Should().Equal(1, 2, 3, 4, 5, 10, 11, 14);
        smith.Items.Where(i => i.Recommendation.Response == GovernmentResponse.AcceptedInPart).Select(i => i.Recommendation.Number).Should().Equal(6, 9, 12, 13);
        smith.Items.Where(i => i.Recommendation.Response == GovernmentResponse.ForFutureDiscussion).Select(i => i.Recommendation.Number).Should().Equal(8, 15, 16);
        smith.Items.Where(i => i.Recommendation.Response == GovernmentResponse.NotAccepted).Select(i => i.Recommendation.Number).Should().Equal(7);
        rose.Items.GroupBy(i => i.Recommendation.Heading).Select(g => (g.Key, g.Count())).Should().Equal(
            ("Overarching", 2), ("Training", 5), ("Performance management", 3), ("Bureaucracy", 3), ("Management support", 3));
        var academyMove = rose.Items.Single(i => i.Recommendation.Text.StartsWith("move the sponsorship of the NHS Leadership Academy", StringComparison.Ordinal));
        academyMove.Recommendation.Related.Should().Equal("smith-2015/12");
        (await client.GetOkAsync<RegisterEntry>("/api/reviews/smith-2015/recommendations/12")).Recommendation.Related.Should().Equal(academyMove.Recommendation.Id);
    }

    [Fact]
    public async Task ShouldFilterCountAndPageTheRegister_WhenQueried()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<RecommendationDetails>("/api/reviews/messenger-2022/recommendations/4/progress", new { on = "2023-01-10", note = "Appraisal pilot started", status = "InProgress", rag = "Green", percent = 20 });

        var page = await client.GetOkAsync<RegisterPage>("/api/recommendations?page=2&pageSize=10");
        var academy = await client.GetOkAsync<RegisterPage>("/api/recommendations?text=leadership%20ACADEMY&pageSize=100");
        var green = await client.GetOkAsync<RegisterPage>("/api/recommendations?rag=Green&status=InProgress");
        var inPart = await client.GetOkAsync<RegisterPage>("/api/recommendations?response=AcceptedInPart&reviewId=smith-2015");

        page.Total.Should().Be(39);
        page.Items.Should().HaveCount(10);
        page.Items[0].Recommendation.Id.Should().Be("rose-2015/4");
        page.CountsByStatus.Should().BeEquivalentTo(new Dictionary<string, int> { ["NotStarted"] = 38, ["InProgress"] = 1 });
        academy.Items.Should().OnlyContain(i => i.Recommendation.Text.Contains("Leadership Academy", StringComparison.OrdinalIgnoreCase));
        academy.Total.Should().Be(7);
        green.Items.Should().ContainSingle().Which.Recommendation.ProgressUpdates.Should().ContainSingle().Which.Author.Should().Be("test-operator");
        inPart.Total.Should().Be(4);
    }

    [Theory]
    [InlineData("/api/recommendations?pageSize=0", "pageSize")]
    [InlineData("/api/recommendations?page=0", "page")]
    [InlineData("/api/recommendations?pageSize=501", "pageSize")]
    public async Task ShouldAnswerAValidationProblem_WhenTheRegisterQueryIsInvalid(string path, string field)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);

        var response = await (await api.OperatorClientAsync()).GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Should().Contain(field);
    }

    [Theory]
    [InlineData("/api/recommendations?response=Welcomed")]
    [InlineData("/api/recommendations?rag=Purple")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/owners?on=last-tuesday")]
    [InlineData("/api/reviews/smith-2015/recommendations/nine")]
    public async Task ShouldAnswerABadRequestProblem_WhenAQueryValueCannotBeRead(string path)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);

        var response = await (await api.OperatorClientAsync()).GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("/api/reviews", "{\"id\":\"Smith Review\",\"title\":\"T\",\"lead\":\"L\",\"publishedOn\":\"2015-07-01\"}", "id")]
    [InlineData("/api/reviews", "{\"id\":\"new-review\",\"title\":\"\",\"lead\":\"L\",\"publishedOn\":\"2015-07-01\"}", "title")]
    [InlineData("/api/reviews", "{\"id\":\"new-review\",\"title\":\"T\",\"lead\":\"L\"}", "publishedOn")]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":17,\"text\":\"\"}", "text")]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":0,\"text\":\"Zero\"}", "number")]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":17,\"text\":\"T\",\"leadOwner\":{\"organisationId\":\"no-such-body\"}}", "leadOwner")]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":17,\"text\":\"T\",\"progressPercent\":101}", "progressPercent")]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":17,\"text\":\"T\",\"response\":\"Welcomed\"}", "response")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/owners", "{\"leadOwner\":{\"organisationId\":\"no-such-body\"},\"effectiveOn\":\"2015-11-01\"}", "leadOwner")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\" \"}", "note")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\"Done\",\"status\":\"Complete\",\"percent\":50}", "percent")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/links", "{\"relatedId\":\"smith-2015/9\"}", "relatedId")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/owners", "{\"leadOwner\":{\"organisationId\":\"nhs-england\",\"function\":\"Bogus\"},\"effectiveOn\":\"2015-11-01\"}", "leadOwner")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/owners", "{\"leadOwner\":{\"organisationId\":\"monitor\"},\"effectiveOn\":\"2015-11-01\",\"supportingOwners\":[{\"organisationId\":\"hee\",\"function\":\"NHS Leadership Academy\"}]}", "supportingOwners")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\"Done\\u0000\"}", "note")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\"\\u202Eenod\"}", "note")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\"Do\u200Bne\"}", "note")]
    [InlineData("/api/reviews/smith-2015/recommendations/9/progress", "{\"on\":\"2015-11-01\",\"note\":\"Done\",\"note\":\"Not done\"}", "note")]
    [InlineData("/api/reviews", "{\"id\":\"new-review\",\"title\":\"\uFEFFTitle\",\"lead\":\"L\",\"publishedOn\":\"2015-07-01\"}", "title")]
    public async Task ShouldAnswerAValidationProblemAndWriteNothing_WhenARecommendationRequestIsInvalid(string path, string body, string field)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Should().Contain(k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("/api/reviews/no-such-review/recommendations", "{\"number\":1,\"text\":\"T\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/reviews/smith-2015/recommendations", "{\"number\":1,\"text\":\"Again\"}", HttpStatusCode.Conflict)]
    [InlineData("/api/reviews/smith-2015/recommendations/99/response", "{\"response\":\"AcceptedInFull\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/reviews/smith-2015/recommendations/9/links", "{\"relatedId\":\"rose-2015/99\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/reviews", "{\"id\":\"smith-2015\",\"title\":\"T\",\"lead\":\"L\",\"publishedOn\":\"2015-07-01\"}", HttpStatusCode.Conflict)]
    public async Task ShouldAnswerAProblemAndWriteNothing_WhenARecommendationRequestIsRefused(string path, string body, HttpStatusCode status)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldImportEveryRow_WhenTheCsvIsValid()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<ReviewDetails>("/api/reviews", new { id = "delivery-2023", title = "Delivery plan", lead = "DHSC", publishedOn = "2023-05-01" });

        var response = await client.PostAsync("/api/reviews/delivery-2023/recommendations/import?ownersEffectiveOn=2023-05-01", new StringContent(GoodCsv, Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var imported = await client.GetOkAsync<RegisterPage>("/api/recommendations?reviewId=delivery-2023");
        imported.Items.Select(i => (i.Recommendation.Number, i.Recommendation.Text, i.Recommendation.Response, i.Recommendation.Status, i.Recommendation.Rag, i.Recommendation.ProgressPercent, i.CurrentLeadOwner!.OrganisationId))
            .Should().Equal(
                (1, "A delivery plan, with timelines", GovernmentResponse.AcceptedInFull, ImplementationStatus.InProgress, RagRating.Amber, 25, "nhs-england"),
                (2, "Annual report on progress", GovernmentResponse.AcceptedInPart, ImplementationStatus.NotStarted, null, 0, "dh"));
        imported.Items[0].Recommendation.SupportingOwners.Select(o => o.OrganisationId).Should().Equal("hee", "cqc");
    }

    [Fact]
    public async Task ShouldReportAnImportAsCompleted_WhenItsProgressIsAskedForAfterwards()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<ReviewDetails>("/api/reviews", new { id = "delivery-2023", title = "Delivery plan", lead = "DHSC", publishedOn = "2023-05-01" });
        var response = await client.PostAsync("/api/reviews/delivery-2023/recommendations/import", new StringContent(GoodCsv, Encoding.UTF8, "text/csv"));
        var imported = (await response.Content.ReadFromJsonAsync<RecommendationImportDetails>())!;

        var progress = await client.GetOkAsync<RecommendationImportProgress>($"/api/reviews/delivery-2023/recommendations/imports/{imported.Id}");

        progress.Should().BeEquivalentTo(new { Phase = ImportPhase.Completed, Total = 2, Recorded = 2, Errors = (object?)null });
        (await client.GetAsync($"/api/reviews/smith-2015/recommendations/imports/{imported.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an import belongs to its review");
        (await client.GetAsync($"/api/reviews/delivery-2023/recommendations/imports/{Guid.NewGuid():N}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldCountRecordedRowsThenFinish_WhenAnImportRunsInTheBackground()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<ReviewDetails>("/api/reviews", new { id = "delivery-2023", title = "Delivery plan", lead = "DHSC", publishedOn = "2023-05-01" });
        var rows = Enumerable.Range(1, 400)
            .Select(n => new RecommendationImportRow(n + 1, n, new CreateRecommendation($"Recommendation {n}", null, null, null, null, null, null, ImplementationStatus.NotStarted, null, 0)))
            .ToList();
        var imports = api.Services.GetRequiredService<RecommendationImports>();

        var importId = imports.Start("delivery-2023", rows);
        var seen = new List<RecommendationImportProgress>();
        for (var attempt = 0; attempt < 600 && seen.LastOrDefault()?.Phase is not ImportPhase.Completed; attempt++)
        {
            seen.Add(await client.GetOkAsync<RecommendationImportProgress>($"/api/reviews/delivery-2023/recommendations/imports/{importId}"));
            await Task.Delay(50);
        }

        seen.Last().Should().BeEquivalentTo(new { Phase = ImportPhase.Completed, Total = 400, Recorded = 400 });
        seen.Select(p => p.Recorded).Should().BeInAscendingOrder("what is recorded stays recorded");
        (await client.GetOkAsync<RegisterPage>("/api/recommendations?reviewId=delivery-2023&pageSize=1")).Total.Should().Be(400);
    }

    [Fact]
    public async Task ShouldRecordNothingAndListTheBadRows_WhenABackgroundImportIsRefused()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<ReviewDetails>("/api/reviews", new { id = "delivery-2023", title = "Delivery plan", lead = "DHSC", publishedOn = "2023-05-01" });
        var rows = new List<RecommendationImportRow>
        {
            new(2, 1, new CreateRecommendation("Fine", null, null, null, null, null, null, ImplementationStatus.NotStarted, null, 0)),
            new(3, 2, new CreateRecommendation("Unknown owner", null, null, null, new OwnerRef("no-such-body"), null, null, ImplementationStatus.NotStarted, null, 0)),
        };
        var before = await api.CountEventsAsync();

        var importId = api.Services.GetRequiredService<RecommendationImports>().Start("delivery-2023", rows);
        RecommendationImportProgress progress;
        do
        {
            await Task.Delay(50);
            progress = await client.GetOkAsync<RecommendationImportProgress>($"/api/reviews/delivery-2023/recommendations/imports/{importId}");
        }
        while (progress.Phase is ImportPhase.Checking or ImportPhase.Recording);

        progress.Phase.Should().Be(ImportPhase.Refused);
        progress.Recorded.Should().Be(0);
        progress.Errors.Should().ContainKey("row 3");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("number,text\n1,Fine\nx,Not a number\n3,Fine too\n", "row 3")]
    [InlineData("number,text\n1,Fine\n2,\n", "row 3")]
    [InlineData("number,text,response\n1,Fine,AcceptedInFull\n2,Bad response,Welcomed\n", "row 3")]
    [InlineData("number,text,leadOwner\n1,Fine,nhs-england\n2,Unknown owner,no-such-body\n", "row 3")]
    [InlineData("number,text\n1,Fine\n1,Same number\n", "row 3")]
    [InlineData("number,text,progressPercent\n1,Fine,10\n2,Too far,150\n", "row 3")]
    [InlineData("number,text,colour\n1,Fine,red\n", "row 1")]
    [InlineData("text\nNo number column\n", "row 1")]
    [InlineData("number,text\n", "file")]
    [InlineData("number,text\n1,\"unclosed quote\n2,next\n", "row 2")]
    public async Task ShouldRejectTheWholeFileWithTheRowAndReason_WhenOneRowIsBad(string csv, string field)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<ReviewDetails>("/api/reviews", new { id = "delivery-2023", title = "Delivery plan", lead = "DHSC", publishedOn = "2023-05-01" });
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync("/api/reviews/delivery-2023/recommendations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        problem!.Errors.Should().ContainKey(field).WhoseValue.Should().NotBeEmpty();
        (await api.CountEventsAsync()).Should().Be(before);
        (await client.GetOkAsync<RegisterPage>("/api/recommendations?reviewId=delivery-2023")).Total.Should().Be(0);
    }

    [Fact]
    public async Task ShouldRejectTheFileAndWriteNothing_WhenARowRepeatsAnExistingRecommendation()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync("/api/reviews/smith-2015/recommendations/import", new StringContent("number,text\n17,New\n16,Exists\n", Encoding.UTF8, "text/csv"));
        var notCsv = await client.PostAsync("/api/reviews/smith-2015/recommendations/import", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["row 3"].Single().Should().Contain("exists already");
        notCsv.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "the import takes text/csv only");
        (await api.CountEventsAsync()).Should().Be(before);
    }
}
