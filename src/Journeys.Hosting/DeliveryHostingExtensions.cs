using Journeys.Channels;
using Journeys.Channels.Dispatch;
using Journeys.Channels.Providers;
using Journeys.Channels.Rendering;
using Journeys.Channels.Tracking;
using Journeys.Storage;
using Journeys.Storage.Devices;
using Journeys.Storage.Outbox;
using Journeys.Storage.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Journeys.Hosting;

public static class DeliveryHostingExtensions
{
    /// <summary>The embedded default signs its tracking links with this; production sets its own.</summary>
    public const string EmbeddedTrackingSecret = "embedded-tracking-secret";

    /// <summary>
    /// Outbox, templates, device tokens (PostgreSQL given a connection string, in memory for the
    /// embedded default) and the signed tracking links: what gateways and silos both use.
    /// </summary>
    public static IServiceCollection AddJourneysMessaging(this IServiceCollection services, DeliverySettings settings, string? connectionString)
    {
        var tracking = settings.Tracking;
        if (string.IsNullOrEmpty(tracking.Secret) && connectionString is null)
        {
            tracking = new TrackingSettings { PublicBaseUrl = tracking.PublicBaseUrl, Secret = EmbeddedTrackingSecret };
        }
        else if (string.IsNullOrEmpty(tracking.Secret) && settings.Email.IsConfigured)
        {
            throw new StorageConfigurationException(
                "Delivery:Tracking:Secret (Delivery__Tracking__Secret) must be set when e-mail is configured: it signs the tracking and unsubscribe links");
        }
        services.AddSingleton(settings);
        services.AddSingleton(new TrackingLinks(tracking));
        if (connectionString is null)
        {
            services.AddSingleton<IOutboxStore, InMemoryOutboxStore>();
            services.AddSingleton<ITemplateStore, InMemoryTemplateStore>();
            services.AddSingleton<IDeviceStore, InMemoryDeviceStore>();
            return services;
        }
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<ITemplateStore, PostgresTemplateStore>();
        services.AddSingleton<IDeviceStore, PostgresDeviceStore>();
        return services;
    }

    /// <summary>The dispatcher of a silo and the providers of every configured channel.</summary>
    public static IServiceCollection AddJourneysDispatcher(this IServiceCollection services, DeliverySettings settings)
    {
        services.AddSingleton(settings.Dispatch);
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<IDeliveryProfiles, GrainDeliveryProfiles>();
        services.AddHttpClient(nameof(IMessageProvider));
        services.AddSingleton<IMessageProvider>(sp => new WebhookProvider(Http(sp), settings.Webhook));
        if (settings.Email.IsConfigured)
        {
            services.AddSingleton<IMessageProvider>(sp => new EmailProvider(settings.Email, sp.GetRequiredService<TrackingLinks>()));
        }
        if (settings.Sms.IsConfigured)
        {
            services.AddSingleton<IMessageProvider>(sp => new SmsProvider(Http(sp), settings.Sms));
        }
        if (settings.Push.IsConfigured)
        {
            services.AddSingleton<IMessageProvider>(sp => new PushProvider(Http(sp), settings.Push, sp.GetRequiredService<IDeviceStore>(), sp.GetRequiredService<ILogger<PushProvider>>()));
        }
        if (settings.Telegram.IsConfigured)
        {
            services.AddSingleton<IMessageProvider>(sp => new TelegramProvider(Http(sp), settings.Telegram));
        }
        if (settings.Dispatch.Enabled)
        {
            services.AddHostedService<OutboxDispatcher>();
        }
        return services;
    }

    private static HttpClient Http(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IMessageProvider));
}
