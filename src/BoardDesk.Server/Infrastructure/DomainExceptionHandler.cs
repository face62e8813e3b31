using System.Text.Json;
using System.Text.RegularExpressions;
using BoardDesk.Grains;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Turns every exception that reaches the pipeline into an RFC 9457 ProblemDetails answer: bad input is 400 with
/// the fields at fault, a missing thing 404, a refused change 409, an oversized body 413, a store or cluster that cannot take the change now 503. Anything unexpected is a
/// 500 that says so and carries the trace id to quote, never the exception's text or stack.
/// </summary>
internal sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (exception is JournalIntegrityException broken)
        {
            // One line: what failed and where; the store's verification names every broken journal.
            logger.LogError("Refused {Method} {Path} with 503: {Grain} fails verification at load: {Reason}", context.Request.Method, LogText.Escape(context.Request.Path.Value), broken.Grain, broken.Reason);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("{Method} {Path} answered 503: {Reason}", context.Request.Method, LogText.Escape(context.Request.Path.Value), exception.Message);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, LogText.Escape(context.Request.Path.Value));
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        ValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        },
        AccessDeniedException denied => Problem(StatusCodes.Status403Forbidden, "Not allowed.", denied.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
        // Orleans takes no blank grain key: nothing can exist under one.
        ArgumentException { ParamName: "primaryKey" } => Problem(StatusCodes.Status404NotFound, "Not found.", "There is nothing with a blank id."),
        RuleViolationException refused => Problem(StatusCodes.Status409Conflict, "The change is not allowed now.", refused.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "The change conflicts with the current state.", conflict.Message),
        AntiforgeryValidationException => Problem(StatusCodes.Status400BadRequest, "The request lacks a valid antiforgery token.",
            "A change sent with a session cookie carries the token from GET /api/session/antiforgery in the X-XSRF-TOKEN header."),
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "Send a smaller body."),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request is not valid.", SafeBindingMessage(bad.Message)),
        JsonException json => InvalidJson(json),
        StoreUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "The change could not be stored now.", unavailable.Message),
        TimeoutException => Problem(StatusCodes.Status503ServiceUnavailable, "The server took too long to answer.",
            "The request may or may not have been carried out. Look before trying again: repeating a ballot, an import or an organisation change is safe."),
        Orleans.Runtime.OrleansMessageRejectionException => Problem(StatusCodes.Status503ServiceUnavailable, "The server is busy or restarting.",
            "The request was not carried out. Try again in a few seconds."),
        JournalIntegrityException => Problem(StatusCodes.Status503ServiceUnavailable, "This record cannot be served.",
            "Its journal fails verification (an entry was altered, removed or added outside BoardDesk), so it is not served until an administrator has looked into it."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Something went wrong on the server.", "The error has been logged; quote the trace id when you report it."),
    };

    private static ProblemDetails InvalidJson(JsonException json)
    {
        var missing = MissingProperties().Match(json.Message);
        var errors = new Dictionary<string, string[]>();
        if (missing.Success)
        {
            foreach (var field in missing.Groups[1].Value.Split(", ").Select(f => f.Trim('\'')))
            {
                errors[field] = ["The field is required."];
            }
        }
        else
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            errors[path] = [json switch
            {
                RefusedTextException or { InnerException: RefusedTextException } => RequestText.Refusal,
                _ when DuplicateProperty().IsMatch(json.Message) => "The property is given more than once.",
                _ when path == "body" => "The body is not valid JSON of the expected shape.",
                _ => "The value is missing, of the wrong type, or not one of the allowed values.",
            }];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid.",
        };
    }

    private static string SafeBindingMessage(string message) =>
        // Binding messages name parameters and types ("Failed to read parameter \"X x\" from the request body as JSON.");
        // keep the parameter's name and drop the rest.
        BindingParameter().Match(message) is { Success: true } match
            ? $"The value of '{match.Groups[1].Value}' could not be read."
            : "The request could not be read.";

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [GeneratedRegex(@"missing required properties including: (.+)\.$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("duplicate", RegexOptions.IgnoreCase)]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("\"\\S+ (\\w+)\"")]
    private static partial Regex BindingParameter();
}
