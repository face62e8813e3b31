using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>
/// Declares each operation's error answers, all problem details, and the security it needs, from what the endpoint
/// says about itself: a permission other than <see cref="Permission.ReadPublic"/> means a caller (401, 403); a route
/// parameter means something that may not exist (404); a body, a query or a change means fields that may be invalid
/// (400); a change may be refused (409); a body may be too large (413); a rate limit answers 429; everything under
/// <c>/api</c> needs the store or the cluster (503). Error answers an endpoint declares itself get the same content.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    /// <summary>The schema of every error answer.</summary>
    public const string ProblemSchema = "ProblemDetails";

    /// <summary>The schema of a 400 answer: a problem with the fields at fault.</summary>
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    private const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: `errors` names each field at fault. A change sent with the session cookie also needs the antiforgery token. Nothing was changed.",
        [StatusCodes.Status401Unauthorized] = "No caller: send an API token (`Authorization: Bearer bd_…`) or a session cookie.",
        [StatusCodes.Status403Forbidden] = "The caller's roles do not allow this; `detail` says what is needed. Nothing was changed.",
        [StatusCodes.Status404NotFound] = "Not found, or not visible to the caller: the answer is the same for both.",
        [StatusCodes.Status409Conflict] = "The change is not allowed in the current state; `detail` says why. Nothing was changed.",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is larger than the server accepts (`BoardDesk:MaxRequestBodyBytes`).",
        [StatusCodes.Status429TooManyRequests] = "Too many attempts from this address in the last minute; `Retry-After` says how many seconds to wait.",
        [StatusCodes.Status503ServiceUnavailable] = "The store or the cluster cannot serve the request now, or the item's journal fails verification; `Retry-After` says how many seconds to wait.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation belongs to no document.");
        Register(document);

        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = description.ParameterDescriptions;
        var change = description.HttpMethod is not null && !HttpMethods.IsGet(description.HttpMethod) && !HttpMethods.IsHead(description.HttpMethod);
        var body = operation.RequestBody is not null || parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form);
        var query = parameters.Any(p => p.Source == BindingSource.Query);
        var route = parameters.Where(p => p.Source == BindingSource.Path).ToList();
        var typedRoute = route.Any(p => p.Type is { } type && type != typeof(string) && p.RouteInfo?.Constraints?.Any() != true);

        operation.Responses ??= new OpenApiResponses();
        if (body || query || change || typedRoute)
        {
            Declare(operation, StatusCodes.Status400BadRequest);
        }

        if (RequiresCaller(metadata))
        {
            Declare(operation, StatusCodes.Status401Unauthorized);
            if (metadata.OfType<PermissionMetadata>().LastOrDefault()?.Permission != Permission.OwnAccount)
            {
                Declare(operation, StatusCodes.Status403Forbidden);
            }

            operation.Security = [Requirement(document, DocumentDescription.BearerScheme), Requirement(document, DocumentDescription.CookieScheme)];
        }
        else
        {
            // Public material; a caller who signs the request may see more (private items of their own boards).
            operation.Security = [new OpenApiSecurityRequirement(), Requirement(document, DocumentDescription.BearerScheme), Requirement(document, DocumentDescription.CookieScheme)];
        }

        if (route.Count > 0)
        {
            Declare(operation, StatusCodes.Status404NotFound);
        }

        if (change)
        {
            Declare(operation, StatusCodes.Status409Conflict);
        }

        if (body)
        {
            Declare(operation, StatusCodes.Status413PayloadTooLarge);
        }

        if (metadata.OfType<AddressLimitAttribute>().Any())
        {
            Declare(operation, StatusCodes.Status429TooManyRequests);
        }

        if (description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            Declare(operation, StatusCodes.Status503ServiceUnavailable);
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 400)
            {
                operation.Responses[code] = Problem(document, status, response.Description);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether the endpoint needs a signed-in caller: a declared permission other than reading public material, or an
    /// authorization requirement not lifted by <c>AllowAnonymous</c>.
    /// </summary>
    internal static bool RequiresCaller(IList<object> metadata) =>
        metadata.OfType<PermissionMetadata>().LastOrDefault() is { } declared
            ? declared.Permission != Permission.ReadPublic
            : metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    private static void Declare(OpenApiOperation operation, int status) =>
        operation.Responses!.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());

    private static OpenApiResponse Problem(OpenApiDocument document, int status, string? declared)
    {
        var response = new OpenApiResponse
        {
            Description = Descriptions.TryGetValue(status, out var text) || string.IsNullOrWhiteSpace(declared)
                ? text ?? ReasonPhrase(status)
                : declared,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new()
                {
                    Schema = new OpenApiSchemaReference(status == StatusCodes.Status400BadRequest ? ValidationProblemSchema : ProblemSchema, document),
                },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "How many seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }

        return response;
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"Error {status}.";

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    /// <summary>The two problem schemas, written out: the exporter's would lack the trace id and the errors' item type.</summary>
    private static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(ValidationProblemSchema))
        {
            return;
        }

        document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema("An RFC 9457 problem: what went wrong, in words.", errors: false);
        document.Components.Schemas[ValidationProblemSchema] = ProblemDetailsSchema("An RFC 9457 problem naming each invalid field in `errors`.", errors: true);
    }

    private static OpenApiSchema ProblemDetailsSchema(string description, bool errors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that identifies the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong in this case, and what to do about it."),
            ["instance"] = Text("A URI reference to this occurrence."),
            ["traceId"] = Text("The id to quote when reporting the problem."),
        };
        if (errors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For each field at fault, by its JSON name, what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        // Further members (such as `htmlPack`, where a PDF could not be printed) may follow.
        return new OpenApiSchema { Type = JsonSchemaType.Object, Description = description, Properties = properties, AdditionalPropertiesAllowed = true };
    }

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
}
