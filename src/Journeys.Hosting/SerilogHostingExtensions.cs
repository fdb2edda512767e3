using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Journeys.Hosting;

public static class SerilogHostingExtensions
{
    /// <summary>
    /// Serilog on the console: text for people, compact JSON with <c>Logging:Format=json</c>.
    /// Levels come from the <c>Serilog</c> section.
    /// </summary>
    public static WebApplicationBuilder AddJourneysSerilog(this WebApplicationBuilder builder)
    {
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", builder.Environment.ApplicationName);
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
        return builder;
    }
}
