using System.Security.Claims;
using BoardDesk.Grains;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace BoardDesk.Server.Components.Shared;

/// <summary>
/// What BoardDesk's pages share: the reader, a not-found answer, and running a command so that a rule the grain
/// refuses shows as a message on the page instead of an error page.
/// </summary>
public abstract class PageBase : ComponentBase
{
    /// <summary>The request being rendered (static server rendering always has one).</summary>
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    /// <summary>Where handlers send the browser after a change (post, redirect, get).</summary>
    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>What the reader may see of a board's material: the one rule the API follows too.</summary>
    [Inject]
    protected Confidentiality Confidentiality { get; set; } = default!;

    /// <summary>Where a page notes a refused request in one line.</summary>
    [Inject]
    protected ILoggerFactory Logs { get; set; } = default!;

    /// <summary>The reader: signed in or anonymous.</summary>
    protected ClaimsPrincipal User => HttpContext.User;

    /// <summary>The reader's display name.</summary>
    protected string DisplayName => User.FindFirst(ClaimTypes.GivenName)?.Value ?? User.Identity?.Name ?? "";

    /// <summary>Whether the reader holds <paramref name="permission"/> on the board.</summary>
    protected bool Allows(Permission permission, string boardId) => AccessPolicy.Allows(User, permission, boardId);

    private readonly PageProblems _problems = new();

    /// <summary>Where the refusals of this component's forms go: its own, or for a section its page's.</summary>
    protected virtual PageProblems Problems => _problems;

    /// <summary>The message of the last refused command, shown at the top of the page.</summary>
    protected string? Problem
    {
        get => Problems.Message;
        set => Problems.Message = value;
    }

    /// <summary>
    /// What is wrong with each field of the form just sent, by the field's element id: shown next to the field and,
    /// as a link to it, in the error summary at the top (the GOV.UK and NHS pattern).
    /// </summary>
    protected Dictionary<string, string> FieldErrors => Problems.Fields;

    /// <summary>The error of the field with element id <paramref name="fieldId"/>, if there is one.</summary>
    protected string? ErrorFor(string fieldId) => FieldErrors.GetValueOrDefault(fieldId);

    /// <summary>The field's CSS classes, marking it when it is in error.</summary>
    protected string FieldClass(string fieldId, string classes = "field") => FieldErrors.ContainsKey(fieldId) ? $"{classes} field-error" : classes;

    /// <summary>What describes a field: its hint, if any, and its error when it has one.</summary>
    protected string? DescribedBy(string fieldId, string? hintId = null) =>
        (hintId, ErrorFor(fieldId) is null ? null : $"{fieldId}-error") switch
        {
            (null, null) => null,
            ({ } hint, null) => hint,
            (null, { } error) => error,
            var (hint, error) => $"{hint} {error}",
        };

    /// <summary>Notes that the field <paramref name="fieldId"/> is wrong; the page answers 400.</summary>
    protected void AddError(string fieldId, string message)
    {
        FieldErrors.TryAdd(fieldId, message);
        SetStatus(StatusCodes.Status400BadRequest);
    }

    /// <summary>Answers 404 with the not-found page, which says nothing of what might be there.</summary>
    protected void NotFound()
    {
        SetStatus(StatusCodes.Status404NotFound);
        Navigation.NotFound();
    }

    /// <summary>
    /// Answers <paramref name="status"/> with the page itself: the status code pages (ProblemDetails for the API)
    /// must not replace a page that explains the problem.
    /// </summary>
    protected void SetStatus(int status)
    {
        if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        HttpContext.Response.StatusCode = status;
    }

    /// <summary>Whether a query value was refused: the page then answers 400 and says which value, as the API does.</summary>
    protected bool BadQuery { get; private set; }

    /// <summary>
    /// Reads an optional query value that must be a positive whole number (a version); anything else, an overflowing
    /// number included, answers 400 with the page naming the value, instead of failing the render.
    /// </summary>
    protected bool TryReadPositive(string? text, string name, out int? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            value = number;
            return true;
        }

        SetStatus(StatusCodes.Status400BadRequest);
        BadQuery = true;
        Logs.CreateLogger(GetType()).LogInformation("Refused {Path} with 400: the query value '{Name}' is not a version number", LogText.Escape(HttpContext.Request.Path.Value), name);
        Problem = $"The value of '{name}' in the address is not a version number.";
        return false;
    }

    /// <summary>
    /// Runs <paramref name="command"/> when <paramref name="allowed"/>, then reloads <paramref name="then"/>; a
    /// refusal (a rule, a conflict, bad input, a missing permission) stays on the page as <see cref="Problem"/>.
    /// </summary>
    protected Task RunAsync(bool allowed, Func<Task> command, string then, IReadOnlyDictionary<string, FormField>? fields = null) =>
        RunAsync(allowed, async () =>
        {
            await command();
            return then;
        }, fields);

    /// <summary>
    /// Runs <paramref name="command"/> when <paramref name="allowed"/>, then loads the address it answers (the page of
    /// what it created). A field the grain refuses is shown next to the page's field that <paramref name="fields"/>
    /// maps it to (the grain's field name to the element id); any other refusal as <see cref="Problem"/>.
    /// </summary>
    protected async Task RunAsync(bool allowed, Func<Task<string>> command, IReadOnlyDictionary<string, FormField>? fields = null)
    {
        if (!allowed)
        {
            SetStatus(StatusCodes.Status403Forbidden);
            Problem = "Your roles do not allow this.";
            return;
        }

        string then;
        try
        {
            then = await command();
        }
        catch (ValidationException invalid)
        {
            SetStatus(StatusCodes.Status400BadRequest);
            var unplaced = new List<string>();
            foreach (var (field, messages) in invalid.Errors)
            {
                if (fields?.GetValueOrDefault(field) is { } formField)
                {
                    AddError(formField.Id, formField.Explain(messages));
                }
                else
                {
                    unplaced.AddRange(messages);
                }
            }

            Problem = unplaced.Count > 0 ? string.Join(" ", unplaced) : null;
            return;
        }
        catch (DomainException refused)
        {
            SetStatus(refused is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
            Problem = refused.Message;
            return;
        }

        Navigation.NavigateTo(then);
    }
}
