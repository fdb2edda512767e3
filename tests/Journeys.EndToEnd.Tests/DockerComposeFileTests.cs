using System.Reflection;
using Journeys.Hosting;
using Journeys.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Journeys.EndToEnd.Tests;

/// <summary>Docker cannot run here, so the compose file is checked against the code instead.</summary>
public sealed class DockerComposeFileTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    [Fact]
    public void Compose_runs_postgres_two_silos_and_the_gateway_each_with_a_health_check()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.Equal(["postgres", "silo1", "silo2", "gateway"], names);
        foreach (var (name, service) in Services.Children)
        {
            Assert.True(((YamlMappingNode)service).Children.ContainsKey("healthcheck"), $"{name} has no healthcheck");
        }
    }

    [Fact]
    public void Every_built_service_has_an_existing_context_and_a_dockerfile_that_publishes_an_existing_project()
    {
        var built = Services.Children.Values.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("build")).ToList();
        Assert.Equal(3, built.Count);
        foreach (var service in built)
        {
            var build = (YamlMappingNode)service["build"];
            var context = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Scalar(build, "context")));
            Assert.True(Directory.Exists(context), context);
            var dockerfile = Path.Combine(context, Scalar(build, "dockerfile"));
            Assert.True(File.Exists(dockerfile), dockerfile);

            var publish = File.ReadAllLines(dockerfile).Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
            var project = publish.Split(' ').Single(w => w.EndsWith(".csproj", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(context, project)), project);
        }
    }

    [Fact]
    public void Every_setting_the_compose_file_sets_is_one_the_code_reads()
    {
        var known = KnownSettings();
        foreach (var (name, service) in Services.Children)
        {
            if (((YamlScalarNode)name).Value == "postgres")
            {
                continue;
            }
            var environment = (YamlMappingNode)((YamlMappingNode)service)["environment"];
            foreach (var key in environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
            {
                Assert.Contains(key.Replace("__", ":", StringComparison.Ordinal), known);
            }
        }
    }

    [Fact]
    public void Silos_are_given_the_settings_a_production_silo_requires()
    {
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            var environment = (YamlMappingNode)((YamlMappingNode)Services[silo])["environment"];
            var keys = environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
            Assert.Contains("ConnectionStrings__Journeys", keys);
            Assert.Contains("Orleans__ClusterId", keys);
            Assert.Contains("Orleans__ServiceId", keys);
        }
    }

    /// <summary>Setting names derived from the settings classes, so a rename in code fails here.</summary>
    private static HashSet<string> KnownSettings()
    {
        var names = new HashSet<string> { "ConnectionStrings:Journeys", "Logging:Format", "ASPNETCORE_URLS" };
        foreach (var section in typeof(JourneysSettings).GetProperties().Where(IsSection))
        {
            AddSettings(names, section.Name, section.PropertyType);
        }
        return names;
    }

    /// <summary>Settings sections nest (<c>Delivery:Email:SmtpHost</c>): every leaf is a setting.</summary>
    private static void AddSettings(HashSet<string> names, string prefix, Type section)
    {
        foreach (var setting in section.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            names.Add($"{prefix}:{setting.Name}");
            if (IsSection(setting))
            {
                AddSettings(names, $"{prefix}:{setting.Name}", setting.PropertyType);
            }
        }
    }

    private static bool IsSection(PropertyInfo property) => property.PropertyType.IsClass && property.PropertyType != typeof(string);

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static YamlMappingNode LoadServices()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
    }
}
