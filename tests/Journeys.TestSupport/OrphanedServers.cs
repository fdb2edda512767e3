using System.Diagnostics;

namespace Journeys.TestSupport;

/// <summary>
/// Removes throwaway servers whose test process died before disposing them (a killed or
/// crashed test host), so they do not pile up in the temp directory or hold ports.
/// </summary>
internal static class OrphanedServers
{
    public static string OwnerFile(string root) => Path.Combine(root, "owner.pid");

    public static void Reap(string parent, string prefix)
    {
        foreach (var root in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            if (!File.Exists(OwnerFile(root)) || IsAlive(File.ReadAllText(OwnerFile(root))))
            {
                continue;
            }

            try
            {
                KillPostmaster(Path.Combine(root, "data"));
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another test process may be reaping the same directory.
            }
        }
    }

    public static void KillPostmaster(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
            postmaster.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool IsAlive(string ownerPid)
    {
        if (!int.TryParse(ownerPid, out var pid))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            return !owner.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
