using BoardDesk.Papers;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Papers;

public sealed class PaperMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <img src=x onerror=alert(1)> more")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void ShouldShowRawHtmlAsText_WhenTheBodyContainsIt(string markdown)
    {
        var html = PaperMarkdown.ToNumberedHtml(markdown);

        html.Should().NotContainAny("<script", "<img", "<a href=\"javascript", "<iframe");
        html.Should().Contain("&lt;");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](java&#09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void ShouldDropTheAddress_WhenALinkIsNotHttpHttpsOrMailto(string markdown)
    {
        var html = PaperMarkdown.ToSafeHtml(markdown);

        // The words may stay as text (an autolink's text is its address); no address attribute may keep them.
        html.ToLowerInvariant().Should().NotMatchRegex("(href|src)=\"[^\"]*(javascript|vbscript|data):")
            .And.NotContainAny("href=\"java", "href=\"&#", "href=\"vbscript", "href=\"data", "src=\"java", "src=\"data");
    }

    [Theory]
    [InlineData("[Smith Review](https://www.england.nhs.uk/review.pdf)", "href=\"https://www.england.nhs.uk/review.pdf\"")]
    [InlineData("[secretariat](mailto:ldib@example.org)", "href=\"mailto:ldib@example.org\"")]
    [InlineData("[paragraph 4](#para-4)", "href=\"#para-4\"")]
    public void ShouldKeepTheLink_WhenItIsSafe(string markdown, string expected)
    {
        PaperMarkdown.ToSafeHtml(markdown).Should().Contain(expected);
    }

    [Fact]
    public void ShouldNumberTheNildsParagraphsOneToEleven_WhenTheSeedPaperIsRendered()
    {
        var body = File.ReadAllText(Path.Combine(LdibSamples.Folder, "papers", "nilds-ldib-2015-10.md"));

        var html = PaperMarkdown.ToNumberedHtml(body);

        html.Should().Contain("id=\"para-11\"").And.NotContain("id=\"para-12\"");
        html.Should().MatchRegex("id=\"para-4\"><span class=\"para-number\">4.</span><div class=\"para-body\">\\s*<p>In addition to the Smith Review");
        html.Should().Contain("<h2>Background</h2>").And.Contain("<strong>Service improvement</strong>");
    }

    [Fact]
    public void ShouldNumberPlainParagraphsInOneSequence_WhenNoListIsUsed()
    {
        var html = PaperMarkdown.ToNumberedHtml("First.\n\n## Heading\n\nSecond.\n\n- a bullet\n\nThird.");

        html.Should().Contain("<span class=\"para-number\">1.</span> First.")
            .And.Contain("<span class=\"para-number\">2.</span> Second.")
            .And.Contain("<span class=\"para-number\">3.</span> Third.")
            .And.Contain("<li>a bullet</li>");
    }

    [Fact]
    public void ShouldRenderAList_WhenANumberedListDoesNotContinueTheParagraphNumbers()
    {
        var html = PaperMarkdown.ToNumberedHtml("The board is asked to:\n\n1. note the plan;\n2. agree the budget.\n\nThe secretariat will report back.");

        html.Should().Contain("<span class=\"para-number\">1.</span> The board is asked to:")
            .And.MatchRegex("<ol>\\s*<li>note the plan;</li>\\s*<li>agree the budget.</li>\\s*</ol>")
            .And.Contain("<span class=\"para-number\">2.</span> The secretariat will report back.")
            .And.NotContain("id=\"para-3\"", "the list's items are not paragraphs of the paper");
    }

    [Theory]
    [InlineData("![chart](http://example.org/chart.png)")]
    [InlineData("![chart](javascript:alert(1))")]
    public void ShouldDropTheImageAddress_WhenItIsNotHttps(string markdown)
    {
        PaperMarkdown.ToSafeHtml(markdown).Should().NotContain("src=");
    }

    [Fact]
    public void ShouldKeepTheImage_WhenItIsServedOverHttps()
    {
        PaperMarkdown.ToSafeHtml("![chart](https://example.org/chart.png)").Should().Contain("src=\"https://example.org/chart.png\"");
    }
}
