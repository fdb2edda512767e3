using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Journeys.EndToEnd.Tests.BadInput;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// Fuzzed events, batches and journey definitions over HTTP against two silos and the gateway on PostgreSQL:
/// no 5xx, the processes stay up, every rejection names the broken field, nothing of a rejected request is stored,
/// valid input is accepted. Seed and size: <see cref="FuzzSettings"/>.
/// </summary>
public sealed class BadInputFuzzTests(ProductionClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Fuzzed_events_batches_and_journeys_get_no_5xx_name_every_bad_field_and_store_nothing_of_a_rejected_request()
    {
        var settings = FuzzSettings.FromEnvironment();
        output.WriteLine($"Bad-input fuzz: seed {settings.Seed}, {settings.Cases} cases. Rerun: {settings.Rerun}");
        var cases = FuzzCases.Generate(settings, ProductionCluster.WriteKey, ProductionCluster.ManagementKey);
        var foreignBefore = await StoredState.ForeignJournalRowsAsync(Cluster, settings.Run);

        var processes = new[] { ("gateway", Cluster.Gateway!.Id), ("silo 1", Cluster.Silos[0]!.Id), ("silo 2", Cluster.Silos[1]!.Id), ("fuzzer", Environment.ProcessId) };
        var cpuBefore = processes.Select(p => ProcessCpu.Of(p.Item2)).ToArray();
        var watch = Stopwatch.StartNew();
        var outcomes = await FuzzRunner.RunAsync(Cluster.Http.BaseAddress!, cases, settings.Connections, TestContext.Current.CancellationToken);
        watch.Stop();
        var cpu = processes.Select((p, i) => (p.Item1, ProcessCpu.Of(p.Item2) - cpuBefore[i])).ToArray();

        var violations = outcomes.Where(o => o.Violation() is not null).Select(o => $"{o.Violation()}: {o}").ToList();
        violations.AddRange(await StoredState.ViolationsAsync(Cluster, settings.Run, outcomes));
        var foreignAfter = await StoredState.ForeignJournalRowsAsync(Cluster, settings.Run);
        if (foreignAfter != foreignBefore)
        {
            violations.Add($"{foreignAfter - foreignBefore} journal rows appeared under messageIds the run never sent");
        }
        var report = FuzzReport.Markdown(settings, outcomes, watch.Elapsed, cpu, violations.Count);
        output.WriteLine(report);
        output.WriteLine("Written to " + FuzzReport.Write(report));

        Assert.False(Cluster.Gateway!.HasExited, "the gateway exited");
        Assert.All(Cluster.Silos, silo => Assert.False(silo!.HasExited, "a silo exited"));
        using (var health = await Cluster.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.True(health.IsSuccessStatusCode, $"the gateway is not healthy after the run: {health.StatusCode}");
        }
        Assert.True(violations.Count == 0,
            $"{violations.Count} violations with seed {settings.Seed} (rerun: {settings.Rerun}):\n" + string.Join("\n", violations.Take(40)));
    }

    // Found while fixing the journey parser's answer to typeless nodes: the segment API had the same 500.
    [Fact]
    public async Task A_segment_condition_without_a_type_is_a_field_error_and_nothing_is_saved()
    {
        var name = "typeless-" + Guid.NewGuid().ToString("N")[..8];

        using var put = await Cluster.ManageAsync(HttpMethod.Put, "/api/segments/" + name, new JsonObject
        {
            ["condition"] = new JsonObject { ["field"] = "computed.trips", ["op"] = "gte", ["value"] = 2 },
        });
        using var list = await Cluster.ManageAsync(HttpMethod.Get, "/api/segments");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("\"$.condition\"", await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
