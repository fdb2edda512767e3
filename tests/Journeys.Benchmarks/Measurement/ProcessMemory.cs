namespace Journeys.Benchmarks.Measurement;

/// <summary>Resident memory of processes, from /proc (what the operating system has to give them).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in bytes; 0 for a process that is gone.</summary>
    public static long ResidentBytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return 0;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
