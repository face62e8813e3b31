namespace BoardDesk.Testing;

/// <summary>Finds the repository and the build output of its projects, for tests that start them as child processes.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds BoardDesk.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built assembly of a project, e.g. <c>BuildOutput("src/BoardDesk.Server", "BoardDesk.Server.dll")</c>.</summary>
    public static string BuildOutput(string projectFolder, string assembly)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assembly} has not been built; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BoardDesk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("BoardDesk.sln was not found above the test's folder.");
    }
}
