using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>The document's title and introduction, and the two ways of signing requests: an API token and a web session.</summary>
internal sealed class DocumentDescription(IOptionsMonitor<CookieAuthenticationOptions> cookies) : IOpenApiDocumentTransformer
{
    /// <summary>The security scheme of API tokens.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The security scheme of web sessions.</summary>
    public const string CookieScheme = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "BoardDesk",
            Version = "v1",
            Description = "Boards, meetings, papers, decisions, actions, organisations and the recommendation register. "
                + "Errors are RFC 9457 problem details (`application/problem+json`): 400 names each invalid field in `errors`, "
                + "404 answers alike for what does not exist and what the caller may not see, 409 says why a change is refused; "
                + "a refused request changes nothing. Operations that need a caller accept an API token "
                + "(`Authorization: Bearer bd_…`, issued by `POST /api/account/tokens`) or a web session cookie from `POST /api/session`; "
                + "a change sent with the cookie also carries the token from `GET /api/session/antiforgery` in the `X-XSRF-TOKEN` header.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "bd_…",
            Description = "An API token, issued by `POST /api/account/tokens` and shown once.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.Name ?? "boarddesk.session",
            Description = "A web session from `POST /api/session`. Changes sent with it carry the antiforgery token of "
                + "`GET /api/session/antiforgery` in the `X-XSRF-TOKEN` header.",
        };
        return Task.CompletedTask;
    }
}
