using System.Runtime.InteropServices;
using Journeys.Benchmarks.Cluster;

namespace Journeys.Benchmarks.Report;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Memory, string Os, string Runtime, string Postgres, string LoadAverage)
{
    public static async Task<MachineInfo> ReadAsync(BenchmarkCluster cluster)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "wal_sync_method", "shared_buffers", "max_wal_size", "checkpoint_timeout" })
        {
            settings.Add($"{name}={await cluster.SettingAsync(name)}");
        }
        var version = await cluster.SettingAsync("server_version");
        return new MachineInfo(
            Environment.ProcessorCount,
            cpu,
            $"{long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GiB",
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            $"PostgreSQL {version} on loopback, stock settings ({string.Join(", ", settings)})",
            string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)));
    }
}
