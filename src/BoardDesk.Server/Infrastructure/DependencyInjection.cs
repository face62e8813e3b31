using System.Text.Json.Serialization;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Operations;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Persistence.Storage.Sqlite;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using BoardDesk.Server.BoardPacks;
using BoardDesk.Server.Components;
using BoardDesk.Server.Email;
using BoardDesk.Server.Endpoints;
using BoardDesk.Server.Infrastructure.OpenApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.Section).ValidateOnStart();
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

        var role = builder.Configuration.GetValue<ServerRole?>($"{BoardDeskOptions.Section}:Role") ?? ServerRole.All;
        if (role == ServerRole.Web)
        {
            builder.AddBoardDeskClusterClient();
        }
        else
        {
            builder.AddBoardDeskSilo();
            // The domain clock of a silo; the sample story sets it while it replays, before the web server starts.
            services.AddSingleton(new ReplayClock(TimeProvider.System));
            services.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, (provider, _) => provider.GetRequiredService<ReplayClock>());
            // The samples are loaded where the store is: by a silo.
            services.AddHostedService<SampleData>();
            services.AddHostedService<SampleBoards>();
            services.AddHostedService<SampleStory>();
        }

        services.AddBoardDeskEmail(withSender: role != ServerRole.Web);
        services.AddOptions<ChromiumOptions>().BindConfiguration(BoardDeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<BoardPackBuilder>();
        var dataProtection = services.AddDataProtection();
        if (StoreOf(builder.Configuration) == StoreKind.PostgreSql)
        {
            // One application name on every node, wherever each has its binaries: the key ring's purposes must agree.
            dataProtection.SetApplicationName("boarddesk");
            // Every node reads and writes one key ring, so a cookie or antiforgery token from one node works on all.
            var connectionString = ConnectionStringOf(builder.Configuration);
            services.TryAddSingleton(_ => PostgreSqlDataSource.Create(connectionString));
            // Register and action-log queries of every role run in SQL on the shared documents.
            services.TryAddSingleton(sp => new PostgreSqlDocuments(sp.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<PostgreSqlKeyRing>();
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<PostgreSqlKeyRing>((keys, ring) => keys.XmlRepository = ring);
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                Path.GetFullPath(builder.Configuration[$"{BoardDeskOptions.Section}:DataPath"] ?? "data"), "keys")));
        }

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
        services.AddBoardDeskOpenApi();
        services.AddRazorComponents();

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel((context, kestrel) =>
                kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>($"{BoardDeskOptions.Section}:MaxRequestBodyBytes") ?? 1024 * 1024);
        }

        return builder;
    }

    /// <summary>
    /// Hosts an Orleans silo in this process with BoardDesk's grains: localhost clustering on the configured ports,
    /// listening on the advertised address only (loopback by default), journals and reminders in the data folder.
    /// </summary>
    private static void AddBoardDeskSilo(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var address = IPAddress.Parse(cluster.AdvertisedAddress);
        var siloPort = ClusterSettings.Resolve(cluster.SiloPort, address);
        var gatewayPort = ClusterSettings.Resolve(cluster.GatewayPort, address);
        var store = StoreOf(builder.Configuration);
        var server = builder.Configuration.GetSection(BoardDeskOptions.Section).Get<BoardDeskOptions>() ?? new BoardDeskOptions();
        builder.UseOrleans(silo =>
        {
            if (store == StoreKind.PostgreSql)
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.ClusterId;
                    options.ServiceId = "boarddesk";
                });
                silo.UseBoardDeskPostgreSql(ConnectionStringOf(builder.Configuration), server.ResolvedJournalKeyPath);
                silo.Configure<ClusterMembershipOptions>(membership => cluster.Membership.ApplyTo(membership));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "boarddesk", clusterId: cluster.ClusterId);
            }

            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = address;
                endpoints.SiloPort = siloPort;
                endpoints.GatewayPort = gatewayPort;
                endpoints.SiloListeningEndpoint = new IPEndPoint(address, siloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(address, gatewayPort);
            });
            if (cluster.Tls.CertificatePath is { Length: > 0 } certificatePath)
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, cluster.Tls.CertificatePassword);
                var allowed = cluster.Tls.AllowedThumbprints();
                silo.UseTls(certificate, tls =>
                {
                    tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
                    tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    // Certificates are pinned by thumbprint: the silo's own (other silos) and the operators' listed.
                    tls.RemoteCertificateValidation = (remote, _, _) =>
                        remote is not null && (remote.Thumbprint == certificate.Thumbprint || allowed.Contains(remote.Thumbprint));
                });
            }

            silo.AddBoardDeskGrains();
            silo.AddStartupTask((services, _) =>
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger("BoardDesk.Server").LogInformation(
                    "Orleans silo started in cluster {ClusterId}: silo port {SiloPort}, gateway port {GatewayPort} on {Address}{Tls}",
                    cluster.ClusterId, siloPort, gatewayPort, address, cluster.Tls.CertificatePath is { Length: > 0 } ? ", TLS with client certificates" : "");
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>
    /// A web node without a silo: an Orleans client of the cluster's gateways, the silos' read models through it, and
    /// the query services the silo role gets from the grains' registration.
    /// </summary>
    private static void AddBoardDeskClusterClient(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var gateways = cluster.GatewayEndpoints();
        builder.UseOrleansClient(client =>
        {
            if (StoreOf(builder.Configuration) == StoreKind.PostgreSql && string.IsNullOrWhiteSpace(cluster.Gateways))
            {
                // The gateways of the silos the membership table lists as active, followed as they come and go.
                var connectionString = ConnectionStringOf(builder.Configuration);
                client.Services.TryAddSingleton(_ => PostgreSqlDataSource.Create(connectionString));
                client.Services.AddSingleton<Orleans.Messaging.IGatewayListProvider, PostgreSqlGatewayListProvider>();
            }
            else
            {
                client.UseStaticClustering([.. gateways]);
            }

            client.Configure<Orleans.Configuration.ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = "boarddesk";
            });
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(messaging =>
                messaging.ResponseTimeout = builder.Configuration.GetValue<TimeSpan?>($"{RuntimeOptions.Section}:ResponseTimeout") ?? new RuntimeOptions().ResponseTimeout);
            if (cluster.Tls.CertificatePath is { Length: > 0 } certificatePath)
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, cluster.Tls.CertificatePassword);
                client.UseTls(certificate, tls => tls.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.Thumbprint == certificate.Thumbprint);
            }
        });
        builder.Services.AddKeyedSingleton(BoardDeskClock.Key, TimeProvider.System);
        builder.Services.AddSingleton<IReadModels, ClusterReadModels>();
        builder.Services.AddSingleton<BoardDesk.Recommendations.RecommendationRegister>();
        builder.Services.AddSingleton<BoardDesk.Actions.ActionLog>();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(services => new GatewayLog(services, gateways));
    }

    /// <summary>The configured store (<c>BoardDesk:Store</c>).</summary>
    private static StoreKind StoreOf(IConfiguration configuration) =>
        configuration.GetValue<StoreKind?>($"{BoardDeskOptions.Section}:Store") ?? StoreKind.Sqlite;

    /// <summary>The shared database's connection string (<c>ConnectionStrings:BoardDesk</c>), required with the PostgreSQL store.</summary>
    private static string ConnectionStringOf(IConfiguration configuration) =>
        configuration.GetConnectionString("BoardDesk") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException("BoardDesk:Store is PostgreSql but ConnectionStrings:BoardDesk is not set.");

    /// <summary>Says in the log which gateways a web node uses, once it is connected.</summary>
    private sealed class GatewayLog(IServiceProvider services, IReadOnlyList<IPEndPoint> gateways) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("BoardDesk.Server").LogInformation(
                "Web node connected to the Orleans cluster through {Gateways}", string.Join(", ", gateways));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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

        app.MapHealth();
        if (app.Services.GetRequiredService<IOptions<BoardDeskOptions>>().Value.Role == ServerRole.Silo)
        {
            return app;
        }

        app.MapBoardDeskOpenApi();
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
        app.MapInterests();
        app.MapNotifications();
        app.MapRazorComponents<App>();
        return app;
    }
}
