using System.Text.Json.Serialization;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Operations;
using BoardDesk.Runtime;
using BoardDesk.Runtime.Storage.Sqlite;
using BoardDesk.Server.BoardPacks;
using BoardDesk.Server.Components;
using BoardDesk.Server.Endpoints;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>Wires the server: options, grains and store, JSON, errors, OpenAPI, UI and endpoints.</summary>
public static class DependencyInjection
{
    /// <summary>Registers BoardDesk's services on the host.</summary>
    public static IHostApplicationBuilder AddBoardDeskServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BoardDeskOptions>()
            .BindConfiguration(BoardDeskOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<GrainRuntimeOptions>().BindConfiguration($"{BoardDeskOptions.Section}:Runtime");
        services.AddOptions<OperationOptions>()
            .BindConfiguration(OperationOptions.Section)
            .Validate(o => o.ResumeAfter >= TimeSpan.FromSeconds(1) && o.PauseAfterEffects is null or >= 0, "Operations:ResumeAfter is at least a second and PauseAfterEffects, when set, is not negative.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay, "Operations:FirstRetryDelay is positive and MaxRetryDelay is at least FirstRetryDelay.")
            .ValidateOnStart();
        services.AddOptions<MeetingOptions>()
            .BindConfiguration(MeetingOptions.Section)
            .Validate(o => o.ResumeApprovalAfter >= TimeSpan.FromSeconds(1), "Meetings:ResumeApprovalAfter is at least a second.")
            .ValidateOnStart();
        services.AddOptions<SqliteStoreOptions>()
            .Configure<IOptions<BoardDeskOptions>>((store, server) =>
            {
                store.DatabasePath = server.Value.DatabasePath;
                store.KeyPath = server.Value.JournalKeyPath;
            });

        services.AddBoardDeskGrains();
        services.AddOptions<ChromiumOptions>().BindConfiguration(BoardDeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<BoardPackBuilder>();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
            Path.GetFullPath(builder.Configuration[$"{BoardDeskOptions.Section}:DataPath"] ?? "data"), "keys")));
        services.AddHostedService<SampleData>();
        services.AddHostedService<SampleBoards>();

        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
            json.SerializerOptions.RespectNullableAnnotations = true;

            // {"enabled": true, "enabled": false} is a mistake or an attack, never a request: refuse it, naming the field.
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.Converters.Add(new RequestText());
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddBoardDeskRateLimits(builder.Configuration);
        services.AddBoardDeskAuthentication();
        services.AddSingleton<Confidentiality>();
        services.AddSingleton<RecommendationImports>();
        services.AddOptions<AccountOptions>().BindConfiguration($"{BoardDeskOptions.Section}:Accounts");
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi();
        services.AddRazorComponents();

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel((context, kestrel) =>
                kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>($"{BoardDeskOptions.Section}:MaxRequestBodyBytes") ?? 1024 * 1024);
        }

        return builder;
    }

    /// <summary>Adds BoardDesk's middleware and endpoints.</summary>
    public static WebApplication UseBoardDeskServer(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseMiddleware<RequestAudit>();
        app.Use(async (context, next) =>
        {
            using (ActingUser.Begin(context.User.Identity?.Name ?? "anonymous"))
            {
                await next(context);
            }
        });

        app.MapOpenApi();
        app.MapHealth();
        app.MapBoards();
        app.MapMeetings();
        app.MapPapers();
        app.MapBoardPacks();
        app.MapCalendars();
        app.MapOrganisations();
        app.MapAudit();
        app.MapSession();
        app.MapAccounts();
        app.MapReviews();
        app.MapRecommendations();
        app.MapDecisions();
        app.MapActions();
        app.MapRazorComponents<App>();
        return app;
    }
}
