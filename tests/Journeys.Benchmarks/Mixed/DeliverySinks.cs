using Journeys.TestSupport;

namespace Journeys.Benchmarks.Mixed;

/// <summary>Where the sample journeys' messages go: a real SMTP server and one recording HTTP server standing in for the SMS, push and Telegram services.</summary>
public sealed class DeliverySinks : IAsyncDisposable
{
    private DeliverySinks(MailDevServer smtp, RecordingHttpServer providers)
    {
        Smtp = smtp;
        Providers = providers;
    }

    public MailDevServer Smtp { get; }
    public RecordingHttpServer Providers { get; }

    public static async Task<DeliverySinks> StartAsync() => new(await MailDevServer.StartAsync(), new RecordingHttpServer());

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Delivery__Email__SmtpHost"] = "127.0.0.1",
        ["Delivery__Email__SmtpPort"] = Smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery__Email__UseTls"] = "false",
        ["Delivery__Email__From"] = "Example Air <hello@example-air.test>",
        ["Delivery__Tracking__Secret"] = "benchmark-tracking-secret-long-enough-for-hmac",
        ["Delivery__Sms__BaseUrl"] = new Uri(Providers.BaseUrl, "sms/").ToString(),
        ["Delivery__Sms__ApiKey"] = "benchmark",
        ["Delivery__Push__BaseUrl"] = new Uri(Providers.BaseUrl, "fcm/").ToString(),
        ["Delivery__Push__ProjectId"] = "example-air",
        ["Delivery__Push__AccessToken"] = "benchmark",
        ["Delivery__Telegram__BaseUrl"] = new Uri(Providers.BaseUrl, "telegram/").ToString(),
        ["Delivery__Telegram__BotToken"] = "benchmark",
    };

    public async ValueTask DisposeAsync()
    {
        await Providers.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
