using System.Net;
using BoardDesk.Persistence.Storage;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests.Persistence;

/// <summary>What an API caller hears when the store cannot take a change.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task ShouldAnswer503ProblemAndStoreNothing_WhenTheStoreFailsUnderACommand()
    {
        var failing = false;
        await using var server = new ClockedServer(DateTimeOffset.UtcNow, services: (services, dataPath) =>
            services.AddSingleton<IJournalStore>(new InterceptingStore(Path.Combine(dataPath, "boarddesk.db"))
            {
                Commit = (_, write) => Volatile.Read(ref failing) ? Task.FromException<CommitResult>(new IOException("disk I/O error")) : write(),
            }));
        var before = await server.CountEventsAsync();
        Volatile.Write(ref failing, true);

        var response = await server.SendRawAsync(HttpMethod.Post, "/api/organisations", new { id = "nhs-improvement-2", name = "NHS Improvement", kind = "ArmsLengthBody" });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.RetryAfter.Should().NotBeNull("the caller is told when to try again");
        var problem = await ClockedServer.ProblemAsync(response);
        problem.Detail.Should().Contain("nothing was changed").And.NotContain("   at ", "no stack trace is shown");
        Volatile.Write(ref failing, false);
        (await server.CountEventsAsync()).Should().Be(before);
        (await server.SendRawAsync(HttpMethod.Get, "/api/organisations/nhs-improvement-2")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
