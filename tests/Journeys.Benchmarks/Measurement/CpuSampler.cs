using System.Globalization;

namespace Journeys.Benchmarks.Measurement;

/// <summary>
/// CPU time used by each part of the system (from /proc), so a phase can say where the two cores
/// went: the gateway, each silo, PostgreSQL (postmaster and all its backends), this load generator,
/// and whatever else ran on the machine meanwhile (a shared machine makes figures lower and noisier).
/// </summary>
public sealed class CpuSampler(IReadOnlyDictionary<string, int> processes, int postmasterPid)
{
    // USER_HZ is 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public const string Postgres = "postgres";
    public const string Others = "other processes";
    private const string Machine = "machine";

    public IReadOnlyDictionary<string, double> Sample()
    {
        var seconds = processes.ToDictionary(p => p.Key, p => Ticks(p.Value, includeReapedChildren: false) / TicksPerSecond);
        seconds[Postgres] = PostgresTicks() / TicksPerSecond;
        seconds[Machine] = MachineBusyTicks() / TicksPerSecond;
        return seconds;
    }

    /// <summary>Cores used by each part between two samples taken <paramref name="elapsed"/> apart; the parts add up to the machine's busy time.</summary>
    public static IReadOnlyDictionary<string, double> CoresUsed(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, TimeSpan elapsed)
    {
        var cores = after.Where(p => p.Key != Machine).ToDictionary(p => p.Key, p => (p.Value - before.GetValueOrDefault(p.Key)) / elapsed.TotalSeconds);
        var machine = (after[Machine] - before[Machine]) / elapsed.TotalSeconds;
        cores[Others] = Math.Max(0, machine - cores.Values.Sum());
        return cores;
    }

    /// <summary>All CPUs' time not idle and not waiting for I/O, from the first line of /proc/stat.</summary>
    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...: guest time is already inside user.
        return fields.Take(8).Sum() - fields[3] - fields[4];
    }

    public static int ParentOf(int pid) => int.Parse(StatFields(pid)?[1] ?? "0", CultureInfo.InvariantCulture);

    private long PostgresTicks()
    {
        // Backends that exited are folded into the postmaster's children times when reaped.
        var total = Ticks(postmasterPid, includeReapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmasterPid && StatFields(pid) is { } fields
                && fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(fields, includeReapedChildren: false);
            }
        }
        return total;
    }

    private static long Ticks(int pid, bool includeReapedChildren) =>
        StatFields(pid) is { } fields ? Ticks(fields, includeReapedChildren) : 0;

    // Fields after "(comm)": [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static long Ticks(string[] fields, bool includeReapedChildren)
    {
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return includeReapedChildren
            ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)
            : ticks;
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
