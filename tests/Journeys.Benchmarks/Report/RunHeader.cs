using System.Globalization;
using System.Text;

namespace Journeys.Benchmarks.Report;

public static class RunHeader
{
    /// <summary>When, with which command and on what machine: the lines a benchmark's section starts with.</summary>
    public static void AppendTo(StringBuilder md, DateTimeOffset ranAt, string commandLine, MachineInfo machine)
    {
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Run of {ranAt:yyyy-MM-dd HH:mm} UTC:"));
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine(commandLine);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Memory} RAM, {machine.Os}, {machine.Runtime}; load average at start {machine.LoadAverage}."));
    }
}
