using System.Text.Json;

namespace Journeys.Engine.Journeys;

public sealed record SendMessage : ActionCommand
{
    public required Channel Channel { get; init; }

    public required string Topic { get; init; }

    public required MessageTemplate Template { get; init; }

    /// <summary>The instance context, for rendering.</summary>
    public JsonElement Context { get; init; }
}

public sealed record ShowPopup : ActionCommand
{
    public required MessageTemplate Template { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public JsonElement Context { get; init; }
}

public sealed record IssuePromoCode : ActionCommand
{
    public required string Campaign { get; init; }
}

public sealed record IssueVoucher : ActionCommand
{
    public required string VoucherType { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

public sealed record AwardPoints : ActionCommand
{
    public required int Points { get; init; }

    public string? Reason { get; init; }
}

public sealed record SetTrait : ActionCommand
{
    public required string Trait { get; init; }

    public required JsonElement Value { get; init; }
}

public sealed record CallWebhook : ActionCommand
{
    public required Uri Url { get; init; }

    public required string Method { get; init; }

    public string? Body { get; init; }

    public JsonElement Context { get; init; }
}
