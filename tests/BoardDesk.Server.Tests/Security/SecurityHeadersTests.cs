using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Security;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/organisations")]
    [InlineData("/api/organisations/no-such-body")]
    public async Task ShouldSendTheSecurityHeaders_WhenAnyPageOrAnswerIsServed(string path)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);

        var response = await api.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
    }
}
