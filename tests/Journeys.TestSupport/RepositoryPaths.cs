using System.Reflection;

namespace Journeys.TestSupport;

/// <summary>Finds the repository root and the build output of the hosts the tests start as processes.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string SiloDll => HostDll("silo", "Journeys.Silo");
    public static string GatewayDll => HostDll("client", "Journeys.Gateway");

    private static string HostDll(string folder, string project)
    {
        var path = Path.Combine(Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} is not built for {Configuration}; build Journeys.sln first", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeys.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Journeys.sln not found above " + AppContext.BaseDirectory);
    }
}
