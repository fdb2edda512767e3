using System.Text.Json.Serialization;

namespace Journeys.Engine.Journeys;

/// <summary>
/// What a step asks the world to do (actions) or to count (bookkeeping). The interpreter only returns
/// commands; grains hand them to their handlers.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendMessage), "sendMessage")]
[JsonDerivedType(typeof(ShowPopup), "showPopup")]
[JsonDerivedType(typeof(IssuePromoCode), "issuePromoCode")]
[JsonDerivedType(typeof(IssueVoucher), "issueVoucher")]
[JsonDerivedType(typeof(AwardPoints), "awardPoints")]
[JsonDerivedType(typeof(SetTrait), "setTrait")]
[JsonDerivedType(typeof(CallWebhook), "callWebhook")]
[JsonDerivedType(typeof(NodeEntered), "nodeEntered")]
[JsonDerivedType(typeof(NodeExited), "nodeExited")]
[JsonDerivedType(typeof(Converted), "converted")]
[JsonDerivedType(typeof(Suppressed), "suppressed")]
[JsonDerivedType(typeof(Deferred), "deferred")]
[JsonDerivedType(typeof(InstanceFinished), "instanceFinished")]
public abstract record JourneyCommand
{
    // Not "required": the interpreter stamps these on every command it makes (see StepRun.Stamp).
    public string ProfileId { get; init; } = string.Empty;

    public string JourneyId { get; init; } = string.Empty;

    public int Version { get; init; }

    public string InstanceId { get; init; } = string.Empty;

    public string NodeId { get; init; } = string.Empty;
}
