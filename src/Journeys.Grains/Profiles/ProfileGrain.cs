using System.Collections.Immutable;
using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Engine.Segments;
using Journeys.Grains.Segments;
using System.Text.Json;
using Journeys.Storage.Journal;

namespace Journeys.Grains.Profiles;

/// <summary>
/// What customer, cashier and corporate grains share: exactly-once application of journal events,
/// write-behind saving, identity merges, consent and erasure. The per-kind rules live in the engine.
/// </summary>
public abstract class ProfileGrain<TState>(
    IPersistentState<ProfileDocument> stored,
    IEventJournal journal,
    SegmentDefinitions segments,
    TimeProvider clock,
    ILogger logger) : Grain, IProfileGrain
    where TState : ProfileState
{
    private static readonly TimeSpan SaveBehind = TimeSpan.FromSeconds(5);
    private const int SegmentHistoryKept = 50;
    private TState state = null!;
    private bool dirty;

    protected abstract string Kind { get; }
    protected abstract TState Create(string id);
    protected abstract TState Apply(TState current, EventEnvelope e, DateTimeOffset now);
    protected abstract TState Erase(TState current, DateTimeOffset now, string reason);

    /// <summary>Only customers have anonymous visits to fold in (<see cref="IdentityLink"/>).</summary>
    protected virtual TState Merge(TState known, TState anonymous, DateTimeOffset now) =>
        throw new NotSupportedException($"{Kind} profiles have no anonymous identities to merge");

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = stored.State.StateJson is { } json ? ProfileJson.Deserialize<TState>(json) : Create(Id);
        this.RegisterGrainTimer(_ => SaveAsync(), new GrainTimerCreationOptions(SaveBehind, SaveBehind));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveAsync();

    async Task IProfileGrain.ApplyAsync(ImmutableArray<JournalEvent> events)
    {
        var fresh = events.Where(e => e.Position > stored.State.LastAppliedPosition).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        if (stored.State.MergedInto is { } knownId)
        {
            await GrainFactory.GetProfile(Kind, knownId).ApplyForwardedAsync(Id, [.. fresh]);
        }
        else
        {
            await ApplyEventsAsync(fresh);
        }
        stored.State.LastAppliedPosition = fresh[^1].Position;
        dirty = true;
    }

    async Task IProfileGrain.ApplyForwardedAsync(string fromId, ImmutableArray<JournalEvent> events)
    {
        var applied = stored.State.ForwardedFrom.GetValueOrDefault(fromId);
        var fresh = events.Where(e => e.Position > applied).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        await ApplyEventsAsync(fresh);
        stored.State.ForwardedFrom[fromId] = fresh[^1].Position;
        dirty = true;
        // Forwarded events are rare; saving now keeps the per-source watermark and the state together.
        await SaveAsync();
    }

    async Task<string> IProfileGrain.TakeOverAsync(string knownId)
    {
        // Idempotent: a replayed alias asks again and gets the same profile.
        if (stored.State.MergedInto is null)
        {
            stored.State.MergedInto = knownId;
            dirty = true;
            await SaveAsync();
            logger.LogInformation("{ProfileKind} {ProfileId} merged into {KnownId}", Kind, Id, knownId);
        }
        return ProfileJson.Serialize(state);
    }

    Task IProfileGrain.FlushAsync() => SaveAsync();

    Task<ProfileView> IProfileGrain.GetAsync() => Task.FromResult(View());

    async Task IProfileGrain.EraseAsync()
    {
        state = Erase(state, clock.GetUtcNow(), "erasure requested through the API");
        dirty = true;
        await SaveAsync();
        var rows = await journal.ErasePayloadsAsync(Kind, Id);
        foreach (var alias in state.AliasIds)
        {
            rows += await journal.ErasePayloadsAsync(Kind, alias);
        }
        logger.LogInformation("{ProfileKind} {ProfileId} erased; {JournalRows} journal payloads cleared", Kind, Id, rows);
    }

    /// <summary>All or nothing: a failure part-way leaves the state as it was, so a redelivery applies each event once.</summary>
    private async Task ApplyEventsAsync(IEnumerable<JournalEvent> events)
    {
        var next = state;
        foreach (var e in events)
        {
            if (EnvelopeJson.Deserialize(e.Payload) is not { } envelope)
            {
                continue;
            }
            if (IdentityLink.Find(envelope) is { } link && link.KnownId == Id && !next.Owns(link.AnonymousId))
            {
                var anonymous = await GrainFactory.GetProfile(Kind, link.AnonymousId).TakeOverAsync(Id);
                next = Merge(next, ProfileJson.Deserialize<TState>(anonymous), clock.GetUtcNow());
            }
            next = Apply(next, envelope, clock.GetUtcNow());
        }
        state = next;
        await EvaluateSegmentsAsync();
    }

    private async Task EvaluateSegmentsAsync()
    {
        var definitions = await segments.GetAsync();
        var json = JsonSerializer.SerializeToElement(state, ProfileJson.Options);
        var computed = json.TryGetProperty("computed", out var c) ? c : default;
        var now = clock.GetUtcNow();
        var changes = SegmentEvaluator.Evaluate(definitions, json.GetProperty("traits"), computed, stored.State.Segments, now);
        if (!changes.Changed)
        {
            return;
        }
        stored.State.Segments = [.. changes.Members];
        var history = stored.State.SegmentHistory;
        history.AddRange(changes.Entered.Select(s => new SegmentTransition(s, Entered: true, now)));
        history.AddRange(changes.Exited.Select(s => new SegmentTransition(s, Entered: false, now)));
        if (history.Count > SegmentHistoryKept)
        {
            history.RemoveRange(0, history.Count - SegmentHistoryKept);
        }
        logger.LogDebug("{ProfileKind} {ProfileId} entered {Entered} and left {Exited}", Kind, Id, changes.Entered, changes.Exited);
    }

    private async Task SaveAsync()
    {
        if (!dirty)
        {
            return;
        }
        stored.State.StateJson = ProfileJson.Serialize(state);
        dirty = false;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            dirty = true;
            throw;
        }
    }

    private ProfileView View() =>
        new(Kind, Id, ProfileJson.Serialize(state), stored.State.LastAppliedPosition, stored.State.Segments, stored.State.MergedInto);
}
