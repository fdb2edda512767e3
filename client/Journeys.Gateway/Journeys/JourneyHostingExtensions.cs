namespace Journeys.Gateway.Journeys;

public static class JourneyHostingExtensions
{
    /// <summary>Journey management; the embedded default also loads the sample journeys at start.</summary>
    public static WebApplicationBuilder AddJourneys(this WebApplicationBuilder builder)
    {
        if (!JourneysSettings.From(builder.Configuration).HasDatabase)
        {
            builder.Services.AddHostedService<SampleJourneyLoader>();
        }
        return builder;
    }
}
