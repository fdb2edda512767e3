using Journeys.Benchmarks;
using Journeys.Benchmarks.Memory;
using Journeys.Benchmarks.Mixed;
using Journeys.Benchmarks.Popups;
using Journeys.Benchmarks.Report;
using Journeys.Benchmarks.Waits;

void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

void Publish(string? output, string name, string heading, string markdown)
{
    Console.WriteLine();
    Console.WriteLine(markdown);
    if (output != "-")
    {
        var path = output ?? BenchmarksDocument.DefaultPath;
        BenchmarksDocument.WriteSection(path, name, heading, markdown);
        Console.WriteLine($"updated {path}");
    }
}

if (BenchmarkOptions.Parse(args) is { } ingestion)
{
    var report = await new IngestionBenchmark(ingestion, Log).RunAsync();
    Publish(ingestion.Output, "ingestion", "Durable ingestion (issue 3)", MarkdownReport.Render(report));
    return report.TargetMet ? 0 : 1;
}
if (PopupBenchmarkOptions.Parse(args) is { } popups)
{
    var report = await new PopupBenchmark(popups, Log).RunAsync();
    Publish(popups.Output, "popup", "Event -> popup latency (issue 5)", report.Render());
    return report.TargetMet ? 0 : 1;
}
if (WaitsBenchmarkOptions.Parse(args) is { } waits)
{
    var report = await new WaitsBenchmark(waits, Log).RunAsync();
    Publish(waits.Output, "waits", "Pending waits at scale (issue 7)", report.Render());
    return report.TargetMet ? 0 : 1;
}
if (MemoryBenchmarkOptions.Parse(args) is { } memory)
{
    var report = await new MemoryBenchmark(memory, Log).RunAsync();
    Publish(memory.Output, "memory", "Memory per idle profile, cold activation (issue 7)", report.Render());
    return report.TargetMet ? 0 : 1;
}
if (MixedBenchmarkOptions.Parse(args) is { } mixed)
{
    var report = await new MixedBenchmark(mixed, Log).RunAsync();
    Publish(mixed.Output, "mixed", "Mixed airline and toll-road traffic with the sample journeys (issue 7)", report.Render());
    return report.Correct ? 0 : 1;
}
Console.Error.WriteLine(BenchmarkOptions.Usage);
Console.Error.WriteLine(PopupBenchmarkOptions.Usage);
Console.Error.WriteLine(MemoryBenchmarkOptions.Usage);
Console.Error.WriteLine(MixedBenchmarkOptions.Usage);
Console.Error.WriteLine(WaitsBenchmarkOptions.Usage);
return 64;
