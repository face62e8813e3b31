namespace BoardDesk.Server.BoardPacks;

/// <summary>PDF printing needs Chromium, and it is not installed where the settings say.</summary>
// Thrown and handled in the web process around the PDF printer; it never crosses a grain call, so it needs no Orleans serializer.
public sealed class ChromiumMissingException(string path)
    : Exception($"PDF needs Chromium, which is not installed at {path}; install the chromium package or set BoardDesk:ChromiumPath.")
{
    /// <summary>Where Chromium was looked for.</summary>
    public string Path { get; } = path;
}
