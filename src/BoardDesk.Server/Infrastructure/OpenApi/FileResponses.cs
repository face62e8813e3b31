using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>
/// A success answer in a content type other than JSON (an iCalendar feed, a PDF, a CSV or XLSX export, an HTML
/// pack), declared on the endpoint with <c>.Produces(200, contentType: …)</c>, is a file: the description lists its
/// content type with a binary schema, so that a generated client hands the caller the bytes.
/// </summary>
internal sealed class FileResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(p => p.StatusCode is >= 200 and < 300 && (p.Type is null || p.Type == typeof(void)));
        foreach (var produces in declared)
        {
            var code = produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var files = produces.ContentTypes.Where(c => !c.Contains("json", StringComparison.OrdinalIgnoreCase)).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.TryGetValue(code, out var found) || found is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = "The file." };
                operation.Responses[code] = response;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var contentType in files)
            {
                response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        return Task.CompletedTask;
    }
}
