using System.Text.Json.Serialization;

namespace Journeys.Engine.Journeys;

/// <summary>A step of the graph. Exits are node ids in named properties (next, timeoutNext, ...).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WaitNode), "wait")]
[JsonDerivedType(typeof(WaitUntilTimeNode), "waitUntilTime")]
[JsonDerivedType(typeof(WaitUntilDateNode), "waitUntilDate")]
[JsonDerivedType(typeof(WaitForEventNode), "waitForEvent")]
[JsonDerivedType(typeof(ConditionNode), "condition")]
[JsonDerivedType(typeof(SplitNode), "split")]
[JsonDerivedType(typeof(HoldoutNode), "holdout")]
[JsonDerivedType(typeof(MessageNode), "message")]
[JsonDerivedType(typeof(PopupNode), "popup")]
[JsonDerivedType(typeof(IssuePromoCodeNode), "issuePromoCode")]
[JsonDerivedType(typeof(IssueVoucherNode), "issueVoucher")]
[JsonDerivedType(typeof(AwardPointsNode), "awardPoints")]
[JsonDerivedType(typeof(SetTraitNode), "setTrait")]
[JsonDerivedType(typeof(WebhookNode), "webhook")]
[JsonDerivedType(typeof(ExitNode), "exit")]
public abstract record JourneyNode
{
    public required string Id { get; init; }

    /// <summary>Waiting nodes break cycles: a loop through one cannot spin within a single step.</summary>
    [JsonIgnore]
    public virtual bool Waits => false;

    /// <summary>Each exit as (JSON property, target). A null target is a missing exit unless optional.</summary>
    public abstract IEnumerable<NodeExit> Exits();
}
