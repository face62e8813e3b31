using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BoardDesk.Papers;

/// <summary>
/// Renders a paper's Markdown body as safe HTML with numbered paragraphs. Raw HTML is not interpreted (it shows as
/// text), and every link or image whose address is not http, https or mailto (javascript:, data:, vbscript: ...)
/// loses its address, so no script survives. Top-level paragraphs and the items of top-level numbered lists are
/// numbered in one sequence (1., 2., ...) as board papers number them; headings and bullet lists are not.
/// </summary>
public static class PaperMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    /// <summary>Renders Markdown as safe HTML, without numbering (summaries, terms of reference).</summary>
    public static string ToSafeHtml(string markdown) => Render(markdown, numbered: false);

    /// <summary>Renders a paper body as safe HTML with numbered paragraphs (<c>id="para-3"</c>).</summary>
    public static string ToNumberedHtml(string markdown) => Render(markdown, numbered: true);

    /// <summary>Whether an address may be a link: relative, or http, https or mailto.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so the check does too.
        var cleaned = new string(WebUtility.HtmlDecode(url).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < colon)
        {
            return true;
        }

        return cleaned[..colon].ToLowerInvariant() is "http" or "https" or "mailto";
    }

    private static string Render(string markdown, bool numbered)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url) || (link.IsImage && !(link.Url ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                link.Url = "#";
                link.Title = null;
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        if (!numbered)
        {
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }

        var number = 0;
        foreach (var block in document)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    number++;
                    writer.Write($"<p class=\"numbered\" id=\"para-{number}\"><span class=\"para-number\">{number}.</span> ");
                    renderer.WriteLeafInline(paragraph);
                    writer.Write("</p>\n");
                    break;
                case ListBlock { IsOrdered: true } list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        number++;
                        writer.Write($"<div class=\"numbered\" id=\"para-{number}\"><span class=\"para-number\">{number}.</span><div class=\"para-body\">\n");
                        foreach (var child in item)
                        {
                            renderer.Render(child);
                        }

                        writer.Write("</div></div>\n");
                    }

                    break;
                default:
                    renderer.Render(block);
                    break;
            }
        }

        writer.Flush();
        return writer.ToString();
    }
}
