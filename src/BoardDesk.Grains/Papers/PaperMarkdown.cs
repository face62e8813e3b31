using System.Globalization;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace BoardDesk.Papers;

/// <summary>
/// Renders a paper's Markdown body as safe HTML with numbered paragraphs. Raw HTML is not interpreted (it shows as
/// text), and the rendered HTML goes through HtmlSanitizer, which keeps only the elements and attributes Markdown
/// makes and drops every address whose scheme is not http, https or mailto (javascript:, data:, vbscript: ...), and
/// any image not served over https. Top-level paragraphs are numbered in one sequence (1., 2., ...) as board papers
/// number them, and so are the items of a top-level numbered list that continues that sequence (the author numbering
/// the paragraphs, as the NILDS paper does); any other numbered list is a list. Headings and bullet lists are not
/// numbered.
/// </summary>
public static class PaperMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Renders Markdown as safe HTML, without numbering (summaries, terms of reference).</summary>
    public static string ToSafeHtml(string markdown) => Sanitizer.Sanitize(Render(markdown, numbered: false));

    /// <summary>Renders a paper body as safe HTML with numbered paragraphs (<c>id="para-3"</c>).</summary>
    public static string ToNumberedHtml(string markdown) => Sanitizer.Sanitize(Render(markdown, numbered: true));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "strong", "em", "del", "ins", "mark", "sub", "sup",
                 "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr", "br"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "src", "alt", "title", "class", "id", "start", "style"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        });

        // An image loads without a click: only over https, so that a paper cannot reveal its reader to a plain-http host.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (string.Equals(e.Tag?.TagName, "img", StringComparison.OrdinalIgnoreCase) && !(e.SanitizedUrl ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }

    private static string Render(string markdown, bool numbered)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
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
                case ListBlock { IsOrdered: true } list when ContinuesNumbering(list, number):
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

    /// <summary>Whether a numbered list starts at the next paragraph number: the author numbering the paper's paragraphs.</summary>
    private static bool ContinuesNumbering(ListBlock list, int numberedSoFar) =>
        int.TryParse(list.OrderedStart ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start == numberedSoFar + 1;
}
