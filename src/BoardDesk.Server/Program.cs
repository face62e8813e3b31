using BoardDesk.Server.Infrastructure;

if (Commands.Handles(args))
{
    return await Commands.RunAsync(args);
}

// The server's own files (settings, styles, samples) sit beside it; its data folder is relative to where it runs.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if ((builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings()).Refusal() is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 2;
}

builder.AddBoardDeskServer();

var app = builder.Build();
app.UseBoardDeskServer();
await app.RunAsync();
return 0;

/// <summary>The server's entry point; public so that tests can host it.</summary>
public partial class Program;
