using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>
/// Gives schemas the types a client generator needs. Strings pass through <see cref="RequestText"/>, a converter the
/// schema exporter cannot see into, so strings (and lists and maps of them) would be untyped; enums get their type
/// beside their names; numbers are numbers (the server also reads a number sent as a string, but a client has no
/// reason to send one).
/// </summary>
internal sealed class SchemaTypes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (schema.Type is null && (type == typeof(string) || type.IsEnum))
        {
            var nullable = Nullable.GetUnderlyingType(info.Type) is not null || context.JsonPropertyInfo?.IsGetNullable == true;
            schema.Type = JsonSchemaType.String | (nullable && context.JsonPropertyInfo is not null ? JsonSchemaType.Null : 0);
        }

        if (schema.Type is { } declared && (declared.HasFlag(JsonSchemaType.Integer) || declared.HasFlag(JsonSchemaType.Number)) && declared.HasFlag(JsonSchemaType.String))
        {
            schema.Type = declared & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType == typeof(string))
        {
            schema.Items = Text();
        }
        else if (info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } values)
        {
            if (values == typeof(string))
            {
                schema.AdditionalProperties = Text();
            }
            else if (IsListOfText(values))
            {
                schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text() };
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static bool IsListOfText(Type type) =>
        type == typeof(string[])
        || (type.IsGenericType && type.GetGenericArguments() is [var element] && element == typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type));
}
