namespace Journeys.Channels;

/// <summary>
/// Settings section <c>Delivery</c>: the dispatcher, the tracking links and one section per channel.
/// A channel whose section names no server is not configured: its messages go to the dead letters
/// with that reason rather than waiting for ever.
/// </summary>
public sealed class DeliverySettings
{
    public DispatchSettings Dispatch { get; init; } = new();
    public TrackingSettings Tracking { get; init; } = new();
    public EmailSettings Email { get; init; } = new();
    public SmsSettings Sms { get; init; } = new();
    public PushSettings Push { get; init; } = new();
    public TelegramSettings Telegram { get; init; } = new();
    public WebhookSettings Webhook { get; init; } = new();
}

public sealed class DispatchSettings
{
    public bool Enabled { get; init; } = true;
    /// <summary>How long the dispatcher sleeps when it found nothing due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long a claimed row is this dispatcher's; after it another may retry the row.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>A send is abandoned this long before its lease ends, so it never overlaps a retry by another dispatcher.</summary>
    public TimeSpan LeaseMargin { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; init; } = 5;
    /// <summary>Delay before the first retry; each further retry waits twice as long (at most an hour).</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; init; } = 32;
    public int Parallelism { get; init; } = 8;
}

public sealed class TrackingSettings
{
    /// <summary>The gateway's public address, which e-mail links and the pixel point at.</summary>
    public string PublicBaseUrl { get; init; } = "http://localhost:5000";
    /// <summary>HMAC key of tracking and unsubscribe links; the same on every gateway and silo.</summary>
    public string Secret { get; init; } = "";
}

public sealed class EmailSettings
{
    public string SmtpHost { get; init; } = "";
    public int SmtpPort { get; init; } = 587;
    /// <summary>STARTTLS when the server offers it; <c>false</c> only for a local relay or test server.</summary>
    public bool UseTls { get; init; } = true;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "Journeys <journeys@localhost>";
    /// <summary>The profile trait holding the address.</summary>
    public string AddressTrait { get; init; } = "email";
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);
}

/// <summary>A generic SMS gateway: <c>POST {BaseUrl}</c> with JSON <c>{to, from, text, reference}</c>.</summary>
public sealed class SmsSettings
{
    public string BaseUrl { get; init; } = "";
    public string? ApiKey { get; init; }
    public string From { get; init; } = "Journeys";
    public string PhoneTrait { get; init; } = "phone";
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>Firebase Cloud Messaging HTTP v1: <c>POST {BaseUrl}/v1/projects/{ProjectId}/messages:send</c>.</summary>
public sealed class PushSettings
{
    public string BaseUrl { get; init; } = "";
    public string ProjectId { get; init; } = "";
    /// <summary>OAuth access token for the FCM API.</summary>
    public string? AccessToken { get; init; }
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ProjectId);
}

/// <summary>Telegram Bot API: <c>POST {BaseUrl}/bot{BotToken}/sendMessage</c>.</summary>
public sealed class TelegramSettings
{
    public string BaseUrl { get; init; } = "";
    public string BotToken { get; init; } = "";
    public string ChatIdTrait { get; init; } = "telegramChatId";
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(BotToken);
}

/// <summary>Journey webhooks go to the URL their node names; the body is signed with <see cref="SigningSecret"/>.</summary>
public sealed class WebhookSettings
{
    public string SigningSecret { get; init; } = "";
}
