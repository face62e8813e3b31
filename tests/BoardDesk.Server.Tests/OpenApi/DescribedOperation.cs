using System.Text.Json.Nodes;

namespace BoardDesk.Server.Tests.OpenApi;

/// <summary>One operation of the document.</summary>
public sealed record DescribedOperation(string Id, string Path, string Method, JsonObject Node);
