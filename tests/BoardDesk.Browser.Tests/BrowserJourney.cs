using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>
/// One person's way through the site in their own browser context. Every <see cref="StepAsync"/> checks the page
/// with axe (no serious or critical violation) and saves a screenshot at desktop and at phone width under
/// <c>TestResults/screenshots/{journey}</c> in the test output folder.
/// </summary>
public sealed partial class BrowserJourney(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    // Names the innermost elements wider than the phone, so a failure says what to fix.
    private const string WidestElementScript = """
        limit => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().width > limit && ![...e.children].some(c => c.getBoundingClientRect().width > limit))
            .slice(0, 1)
            .flatMap(e => { const chain = []; for (let n = e; n && n !== document.body; n = n.parentElement) chain.push(n); return chain; })
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''} (${Math.round(e.getBoundingClientRect().width)} px ${getComputedStyle(e).display} min ${getComputedStyle(e).minWidth} w ${getComputedStyle(e).width})`)
            .join(', ')
        """;

    /// <summary>A desktop screen.</summary>
    public static ViewportSize Desktop { get; } = new() { Width = 1280, Height = 800 };

    /// <summary>A phone held upright.</summary>
    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };

    private int _step;

    /// <summary>Where this journey's screenshots go.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name);

    /// <summary>The journey's page.</summary>
    public IPage Page => page;

    /// <summary>
    /// Checks the page with axe and saves its screenshots at desktop and phone width; BoardDesk's own pages must also
    /// fit a phone's width (<paramref name="fitsPhone"/> is false only for documents made for print, such as the pack).
    /// </summary>
    public async Task StepAsync(string step, bool fitsPhone = true)
    {
        _step++;
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.Should().BeEmpty($"axe finds no serious or critical violation on {page.Url} ({step})");
        var skip = await page.EvaluateAsync<string?>("() => document.querySelector('a.skip-link')?.href ?? null");
        if (skip is not null)
        {
            skip.Should().Be(page.Url.Split('#')[0] + "#main", $"the skip link of {page.Url} ({step}) goes to its own main content");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        var file = $"{_step:00}-{FileName().Replace(step.ToLowerInvariant(), "-").Trim('-')}";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{file}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (fitsPhone)
        {
            var widest = width <= Phone.Width ? "" : await page.EvaluateAsync<string>(WidestElementScript, Phone.Width);
            width.Should().BeLessThanOrEqualTo(Phone.Width, $"{page.Url} ({step}) fits a phone's width without scrolling sideways (too wide: {widest})");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{file}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>Signs in through the sign-in page.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>The page's main content as text.</summary>
    public Task<string> MainTextAsync() => page.Locator("main").InnerTextAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex FileName();
}
