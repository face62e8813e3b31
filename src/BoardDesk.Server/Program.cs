using BoardDesk.Server.Infrastructure;

// The server's own files (settings, styles, samples) sit beside it; its data folder is relative to where it runs.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddBoardDeskServer();

var app = builder.Build();
app.UseBoardDeskServer();
app.Run();

/// <summary>The server's entry point; public so that tests can host it.</summary>
public partial class Program;
