using Microsoft.AspNetCore.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>
/// The API description at <c>/openapi/v1.json</c>. What can be derived from an endpoint's metadata is derived here, so
/// that an endpoint added later is described without anyone remembering to: its error responses (from its
/// permission, route, method, body and rate limit), its security, its parameters' descriptions and its schemas'
/// types. Endpoints say only what cannot be derived: their name, summary and the content type of a file they return.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddBoardDeskOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<SchemaTypes>();
            options.AddOperationTransformer<ParameterDescriptions>();
            options.AddOperationTransformer<ErrorResponses>();
            options.AddOperationTransformer<FileResponses>();
            options.AddDocumentTransformer<DocumentDescription>();
        });

    /// <summary>Serves the document.</summary>
    public static WebApplication MapBoardDeskOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        return app;
    }
}
