using Microsoft.AspNetCore.Components;

namespace BoardDesk.Server.Components.Shared;

/// <summary>
/// A section of a page with its own form: it reads and refuses as a page does, but its refusals go to its page's
/// <see cref="PageProblems"/>, and the page renders again after each of its forms is handled, so that the error
/// summary at the top of the page shows what the section found.
/// </summary>
public abstract class SectionBase : PageBase
{
    /// <summary>The page's problems, shown in its error summary; a section without forms needs none.</summary>
    [Parameter]
    public PageProblems? PageProblems { get; set; }

    /// <summary>Renders the page again; the page passes any handler of its own (even an empty one).</summary>
    [Parameter]
    public EventCallback Handled { get; set; }

    /// <inheritdoc />
    protected override PageProblems Problems => PageProblems ?? base.Problems;

    /// <summary>Handles a form of the section, then renders the page again.</summary>
    protected async Task SubmitAsync(Func<Task> handle)
    {
        await handle();
        await Handled.InvokeAsync();
    }
}
