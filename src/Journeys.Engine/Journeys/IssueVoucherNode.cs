namespace Journeys.Engine.Journeys;

/// <summary>Issues an individual voucher of a type (amount and currency optional, the type may fix them).</summary>
public sealed record IssueVoucherNode : ActionNode
{
    public required string VoucherType { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}
