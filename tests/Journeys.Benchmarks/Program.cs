using Journeys.Benchmarks;
using Journeys.Benchmarks.Report;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 64;
}

var report = await new IngestionBenchmark(options, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}")).RunAsync();
var markdown = MarkdownReport.Render(report);
Console.WriteLine();
Console.WriteLine(markdown);
if (options.Output != "-")
{
    var path = options.Output ?? MarkdownReport.DefaultPath;
    MarkdownReport.Write(path, markdown);
    Console.WriteLine($"updated {path}");
}
return report.TargetMet ? 0 : 1;
