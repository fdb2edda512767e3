using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// The demo page with journeys.js in headless Chromium (Debian's package, driven by playwright-core):
/// client/journeys-sdk/test/popups.browser.mjs against two silos and the gateway. Screenshots go to
/// JOURNEYS_SCREENSHOTS (test.sh: under the test results), else artifacts/screenshots.
/// </summary>
[Collection(VisitorsCollection.Name)]
public sealed class VisitorPopupBrowserTests(ProductionClusterFixture fixture)
{
    [Fact]
    public async Task Popups_appear_live_or_at_the_next_visit_only_for_their_visitor_and_forged_tokens_are_refused()
    {
        var sdk = Path.Combine(RepositoryPaths.Root, "client", "journeys-sdk");
        Assert.True(Directory.Exists(Path.Combine(sdk, "node_modules", "playwright-core")),
            "client/journeys-sdk/node_modules is missing: build the gateway with Node.js on the PATH (it runs npm ci)");
        var screenshots = Environment.GetEnvironmentVariable("JOURNEYS_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

        var output = await ProcessRunner.RunAsync("node", [Path.Combine(sdk, "test", "popups.browser.mjs")], TimeSpan.FromMinutes(3), new Dictionary<string, string?>
        {
            ["GATEWAY_URL"] = fixture.Cluster.Http.BaseAddress!.ToString(),
            ["WRITE_KEY"] = ProductionCluster.WriteKey,
            ["ADMIN_KEY"] = ProductionCluster.ManagementKey,
            ["SITE"] = ProductionCluster.VisitorSite,
            ["SCREENSHOT_DIR"] = screenshots,
        });

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.Contains("all popup checks passed", output, StringComparison.Ordinal);
        Assert.All(["popup-on-open-page.png", "other-visitor-sees-nothing.png", "popup-at-next-visit.png"],
            file => Assert.True(File.Exists(Path.Combine(screenshots, file)), file + " was not written"));
    }
}
