using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Journeys.Channels.Dispatch;
using Journeys.Contracts.Profiles;
using Journeys.Engine.Journeys;
using Journeys.Storage.Outbox;

namespace Journeys.Channels.Tests;

/// <summary>
/// The profile side of the dispatcher for tests that run it without a cluster: each profile's traits
/// and consent grants, decided by the engine's own <see cref="SendTimeCheck"/>, and the outcomes (and bounces) the
/// dispatcher reported, in order, as the profile's timeline would show them.
/// </summary>
public sealed class KnownProfiles : IDeliveryProfiles
{
    private readonly ConcurrentDictionary<string, (JsonObject Traits, List<ConsentGrant> Grants)> profiles = new();
    private readonly ConcurrentQueue<(string DedupeKey, string Status, string? Detail)> outcomes = new();

    private readonly ConcurrentQueue<(string DedupeKey, string Address, string Reason)> bounces = new();

    public IReadOnlyList<(string DedupeKey, string Status, string? Detail)> Outcomes => [.. outcomes];

    public IReadOnlyList<(string DedupeKey, string Address, string Reason)> Bounces => [.. bounces];

    public void Add(string id, JsonObject traits, params ConsentGrant[] grants) => profiles[id] = (traits, [.. grants]);

    public void Withdraw(string id, Channel channel) => profiles[id].Grants.RemoveAll(g => g.Channel == channel);

    public Task<DeliveryCheck> CheckAsync(OutboxMessage message)
    {
        var (traits, grants) = profiles[message.ProfileId];
        var state = new JsonObject { ["id"] = message.ProfileId, ["traits"] = traits.DeepClone() }.ToJsonString();
        var view = new Engine.Journeys.ProfileView { ProfileId = message.ProfileId, Consents = [.. grants] };
        var decision = SendTimeCheck.Evaluate(view, new JourneyPolicies(), Enum.Parse<Channel>(message.Channel, ignoreCase: true), message.Topic, [], DateTimeOffset.UtcNow);
        return Task.FromResult(new DeliveryCheck(decision.SuppressedReason, decision.DeferredUntil, decision.DeferredReason, state));
    }

    public Task RecordAsync(OutboxMessage message, string status, string? detail)
    {
        outcomes.Enqueue((message.DedupeKey, status, detail));
        return Task.CompletedTask;
    }

    public Task BouncedAsync(OutboxMessage message, string address, string reason)
    {
        bounces.Enqueue((message.DedupeKey, address, reason));
        return Task.CompletedTask;
    }
}
