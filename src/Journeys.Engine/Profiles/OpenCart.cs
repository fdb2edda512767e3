namespace Journeys.Engine.Profiles;

/// <summary>A cart updated and not yet ordered: what an abandoned-cart journey looks at.</summary>
public sealed record OpenCart(
    string CartId,
    decimal Value,
    string Currency,
    int ItemCount,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CheckoutStartedAt);
