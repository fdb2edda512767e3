using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Contracts.Visitors;
using Journeys.Engine;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Journeys;
using Journeys.Engine.Profiles;
using Journeys.Engine.Running;
using Journeys.Engine.Segments;
using Journeys.Grains.Running;
using Journeys.Grains.Segments;
using Journeys.Grains.Visitors;
using Journeys.Storage.Journal;
using Journeys.Storage.Outbox;
using Journeys.Storage.Stats;

namespace Journeys.Grains.Profiles;

/// <summary>
/// What customer, cashier and corporate grains share: exactly-once application of journal events,
/// write-behind saving, identity merges, segments, journeys woken from the due index, erasure.
/// Decisions are the engine's; this class loads, calls the engine, keeps the results and saves.
/// Concrete profile grains use <see cref="PreferLocalPlacementAttribute"/>: their events come from
/// one journal partition's reader, so activating beside it keeps the hot path's calls in process.
/// </summary>
public abstract class ProfileGrain<TState>(ProfileGrainServices services, IPersistentState<ProfileDocument> stored, ILogger logger)
    : Grain, IProfileGrain
    where TState : ProfileState
{
    private const int SegmentHistoryKept = 50;
    private const int TimelineKept = 100;
    /// <summary>Messages and webhooks of the caps' window kept beyond <see cref="TimelineKept"/>: bounds the document of a heavily messaged profile.</summary>
    private const int SendsKept = 200;
    private static readonly TimeSpan SaveBehind = TimeSpan.FromSeconds(5);
    /// <summary>
    /// A profile saves right after a step unless it wrote less than this ago: then the change waits for its
    /// journal reader's checkpoint (every 2 s), or for the save-behind timer if no reader delivered it. A
    /// visitor whose every page view shows a popup would otherwise rewrite the whole document per event
    /// (docs/benchmarks.md, popups), while a lone event still reaches the dashboards' counters at once.
    /// </summary>
    private static readonly TimeSpan SaveSoonSpacing = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PreciseTimerHorizon = TimeSpan.FromMinutes(5);

    private TState state = null!;
    private ProfileJourneysState journeys = ProfileJourneysState.Empty;
    private List<JourneyEvent> history = [];
    private IGrainTimer? dueTimer;
    private IGrainTimer? saveSoon;
    private IGrainTimer? saveBehind;

    /// <summary>Counters of changes not saved yet: they reach the stats buffer with the save, so a replay after a crash counts once.</summary>
    private readonly List<NodeStatDelta> unsavedStats = [];
    private readonly List<NodeOutcomeDelta> unsavedOutcomes = [];
    private VisitorPopups popups = null!;
    private readonly List<PopupMessage> outgoing = [];
    private bool dirty;
    /// <summary>When the last write began (<see cref="Stopwatch"/> ticks: the spacing is about load, not the journeys' clock).</summary>
    private long lastWriteStarted;
    /// <summary>The last applied position of the saved state: what a reader's checkpoint may pass for this profile.</summary>
    private long savedUpTo;
    /// <summary>Set once events or visitors reach this activation; until then only the due scan has needed it.</summary>
    private bool inUse;
    /// <summary>
    /// The traits and computed properties of the state a change is working on, rendered once for its segments,
    /// journey steps, scheduling and popups; dropped when the change ends, so an idle profile does not hold them.
    /// </summary>
    private (TState State, JsonElement Traits, JsonElement Computed)? rendered;
    /// <summary>The timeline's sends of the last 30 days, for the views of the same change; dropped with <see cref="rendered"/>.</summary>
    private List<SentMessage>? recentSends;

    protected abstract string Kind { get; }
    protected abstract TState Create(string id);
    protected abstract TState Apply(TState current, EventEnvelope e, DateTimeOffset now);
    protected abstract TState Erase(TState current, DateTimeOffset now, string reason);

    /// <summary>Only customers have anonymous visits to fold in (<see cref="IdentityLink"/>).</summary>
    protected virtual TState Merge(TState known, TState anonymous, DateTimeOffset now) =>
        throw new NotSupportedException($"{Kind} profiles have no anonymous identities to merge");

    private string Id => this.GetPrimaryKeyString();
    private DateTimeOffset Now => services.Clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Load();
        logger.LogDebug("{ProfileKind} {ProfileId} activated; its save holds events up to {Saved}", Kind, Id, savedUpTo);
        popups = new VisitorPopups(Kind, Id, () => stored.State, logger);
        if (stored.State.DueAt is { } due && due <= Now)
        {
            // Overdue while no silo held this profile: run now rather than at the next due scan.
            await RunDueAsync();
        }
        else
        {
            SetPreciseTimer(stored.State.DueAt);
        }
    }

    private void Load()
    {
        var document = stored.State;
        savedUpTo = document.LastAppliedPosition;
        state = document.StateJson is { } json ? ProfileJson.Deserialize<TState>(json) : Create(Id);
        journeys = document.JourneysJson is { } j ? JsonSerializer.Deserialize<ProfileJourneysState>(j, EngineJson.Options)! : ProfileJourneysState.Empty;
        history = document.JourneyHistoryJson is { } h ? JsonSerializer.Deserialize<List<JourneyEvent>>(h, EngineJson.Options)! : [];
        ForgetSerializedModel();
    }

    /// <summary>
    /// Drops what this activation holds for the latest save. Its unsaved changes go too, counters and popups
    /// included: they came from events past that save, which the journal delivers again.
    /// </summary>
    private async Task ReloadAsync()
    {
        await stored.ReadStateAsync();
        Load();
        dirty = false;
        unsavedStats.Clear();
        unsavedOutcomes.Clear();
        outgoing.Clear();
        ForgetRendered();
        SetPreciseTimer(stored.State.DueAt);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        logger.LogDebug("{ProfileKind} {ProfileId} deactivating ({Reason}); applied up to {Position}, saved up to {Saved}", Kind, Id, reason, stored.State.LastAppliedPosition, savedUpTo);
        return SaveAsync();
    }

    async Task<Delivery> IProfileGrain.ApplyAsync(ImmutableArray<JournalEvent> events, long previousPosition)
    {
        if (stored.State.LastAppliedPosition < previousPosition)
        {
            // Another activation applied it (two can live for a while when silos come and go), or it was lost with an
            // activation or a save. Applying on top would leave a hole that a later save makes permanent. A replay
            // starts at the reader's checkpoint, which every save holds but this activation's memory may not: it may
            // have read its state before the other activation's last save. So take the latest save first.
            var held = stored.State.LastAppliedPosition;
            await ReloadAsync();
            if (stored.State.LastAppliedPosition < previousPosition)
            {
                logger.LogWarning(
                    "{ProfileKind} {ProfileId} held events up to {Position} and its latest save up to {Saved}, but its event at {Previous} comes before these: applied events were lost; asking for a replay",
                    Kind, Id, held, stored.State.LastAppliedPosition, previousPosition);
                return new Delivery(Held: false, savedUpTo);
            }
            logger.LogWarning(
                "{ProfileKind} {ProfileId} held events up to {Position}, but its event at {Previous} comes before these: took the latest save, which holds up to {Saved}",
                Kind, Id, held, previousPosition, stored.State.LastAppliedPosition);
        }
        var fresh = events.Where(e => e.Position > stored.State.LastAppliedPosition).ToList();
        if (fresh.Count == 0)
        {
            return new Delivery(Held: true, savedUpTo);
        }
        var upTo = fresh[^1].Position;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Guarded: the hot path would box the arguments even with Debug off.
            logger.LogDebug("{ProfileKind} {ProfileId} applies {Count} events {First}..{Last} (held up to {Held}, previous {Previous})", Kind, Id, fresh.Count, fresh[0].Position, upTo, stored.State.LastAppliedPosition, previousPosition);
        }
        if (stored.State.MergedInto is { } knownId)
        {
            await GrainFactory.GetProfile(Kind, knownId).ApplyForwardedAsync(Id, [.. fresh]);
            stored.State.LastAppliedPosition = upTo;
        }
        else
        {
            await ApplyEventsAsync(fresh, () => stored.State.LastAppliedPosition = upTo);
        }
        MarkDirty();
        await SendPopupsAsync();
        return new Delivery(Held: true, savedUpTo);
    }

    async Task IProfileGrain.ApplyForwardedAsync(string fromId, ImmutableArray<JournalEvent> events)
    {
        var applied = stored.State.ForwardedFrom.GetValueOrDefault(fromId);
        var fresh = events.Where(e => e.Position > applied).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        var upTo = fresh[^1].Position;
        await ApplyEventsAsync(fresh, () => stored.State.ForwardedFrom[fromId] = upTo);
        MarkDirty();
        // Forwarded events are rare; saving now keeps the per-source watermark and the state together.
        await SaveAsync();
        await SendPopupsAsync();
    }

    async Task<string> IProfileGrain.TakeOverAsync(string knownId)
    {
        // Idempotent: a replayed alias asks again and gets the same profile.
        if (stored.State.MergedInto is null)
        {
            stored.State.MergedInto = knownId;
            MarkDirty();
            await SaveAsync();
            logger.LogInformation("{ProfileKind} {ProfileId} merged into {KnownId}", Kind, Id, knownId);
        }
        return ProfileJson.Serialize(state);
    }

    /// <summary>
    /// A save that reported success is durable (profile writes are synchronous commits), so an unchanged
    /// state is not written again: the reader's checkpoint may pass what it holds.
    /// </summary>
    async Task<long> IProfileGrain.FlushAsync()
    {
        await SaveAsync();
        return savedUpTo;
    }

    Task<Contracts.Profiles.ProfileView> IProfileGrain.GetAsync() => Task.FromResult(new Contracts.Profiles.ProfileView(
        Kind,
        Id,
        ProfileJson.Serialize(state),
        stored.State.LastAppliedPosition,
        stored.State.Segments,
        stored.State.MergedInto,
        JsonSerializer.Serialize(journeys.Instances, EngineJson.Options),
        JsonSerializer.Serialize(stored.State.Timeline, ProfileJson.Options)));

    /// <summary>
    /// The profile's state, its journal payloads, its messages' payloads and its push tokens; then the anonymous
    /// profiles it merged, which hold its visits from before login (the erasure drops the aliases, so they are read first).
    /// </summary>
    async Task IProfileGrain.EraseAsync()
    {
        var aliases = state.AliasIds;
        state = Erase(state, Now, "erasure requested through the API");
        history = [];
        // Rendered popups carry the profile's values.
        stored.State.PendingPopups.Clear();
        MarkDirty();
        await SaveAsync();
        var journalRows = await services.Journal.ErasePayloadsAsync(Kind, Id);
        var outboxRows = await services.Outbox.EraseAsync(Kind, Id, Now);
        var devices = await services.Devices.ForgetProfileAsync(Kind, Id);
        logger.LogInformation("{ProfileKind} {ProfileId} erased; {JournalRows} journal payloads and {OutboxRows} message payloads cleared, {Devices} push tokens forgotten, {Aliases} merged profiles to erase",
            Kind, Id, journalRows, outboxRows, devices, aliases.Count);
        foreach (var alias in aliases)
        {
            await GrainFactory.GetProfile(Kind, alias).EraseAsync();
        }
    }

    async Task<DeliveryCheck> IProfileGrain.CheckDeliveryAsync(string dedupeKey, string channel, string? topic, string journeyId, int version)
    {
        var live = await services.LiveJourneys.GetAsync();
        var policies = live.FirstOrDefault(j => j.JourneyId == journeyId)?.Versions.GetValueOrDefault(version)?.Policies ?? new JourneyPolicies();
        var since = Now - TimelineEntry.CapWindow;
        var otherSends = TimelineEntry.SendsSince(stored.State.Timeline, since, t => t.DedupeKey != dedupeKey && t.Status is not (OutboxStatus.Suppressed or OutboxStatus.Dead));
        var decision = SendTimeCheck.Evaluate(View(state, history, live), policies, Enum.Parse<Channel>(channel, ignoreCase: true), topic, otherSends, Now);
        ForgetRendered();
        return new DeliveryCheck(decision.SuppressedReason, decision.DeferredUntil, decision.DeferredReason, ProfileJson.Serialize(state));
    }

    /// <summary>Like any event, the bounce reaches this profile through the journal and its reader, in order and once.</summary>
    async Task IProfileGrain.RecordBounceAsync(string dedupeKey, string channel, string journeyId, string address, string reason)
    {
        var properties = new JsonObject
        {
            ["deliveryId"] = dedupeKey,
            ["channel"] = channel,
            ["journeyId"] = journeyId,
            ["address"] = address,
            ["bounceType"] = "hard",
            ["reason"] = reason.Length > 1000 ? reason[..1000] : reason,
        };
        var call = MessageEventCall.Track(EventNames.MessageBounced, Kind, Id, $"bounce:{dedupeKey}", properties);
        var parsed = EventParser.Default.ParseCall(EventType.Track, call, Now);
        if (!parsed.IsValid)
        {
            logger.LogWarning("{ProfileKind} {ProfileId}: the bounce of {DedupeKey} could not be recorded: {Errors}", Kind, Id, dedupeKey, parsed.Errors);
            return;
        }
        await services.Journal.AppendAsync(Journal.JournalEntries.From(parsed.Events));
        logger.LogInformation("{ProfileKind} {ProfileId}: {Channel} to {Address} bounced ({DedupeKey})", Kind, Id, channel, address, dedupeKey);
    }

    Task IProfileGrain.RecordDeliveryAsync(string dedupeKey, string status, string? detail)
    {
        var timeline = stored.State.Timeline;
        var index = timeline.FindIndex(t => t.DedupeKey == dedupeKey);
        if (index >= 0 && (timeline[index].Status, timeline[index].Detail) != (status, detail))
        {
            timeline[index] = timeline[index] with { Status = status, Detail = detail };
            MarkDirty();
        }
        return Task.CompletedTask;
    }

    Task<ImmutableArray<PopupMessage>> IProfileGrain.SubscribeVisitorsAsync(IVisitorObserver gateway)
    {
        inUse = true;
        popups.Subscribe(gateway, Now);
        if (stored.State.PendingPopups.Count > 0)
        {
            MarkDirty();
        }
        return Task.FromResult(popups.TakePending(Now));
    }

    Task IProfileGrain.UnsubscribeVisitorsAsync(IVisitorObserver gateway)
    {
        popups.Unsubscribe(gateway);
        return Task.CompletedTask;
    }

    /// <summary>A due index row can be ahead of the profile (a later due time not saved yet): saving then corrects the row.</summary>
    async Task IProfileGrain.RunDueAsync()
    {
        await (stored.State.DueAt <= Now ? RunDueAsync() : SaveAsync());
        if (!inUse && !dirty && dueTimer is null)
        {
            // Woken from storage only for this step, saved, nothing due soon: left active it would hold its
            // memory until collection, and a million due steps in half an hour would hold gigabytes (docs/benchmarks.md).
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// All or nothing: a failure part-way leaves the profile as it was, so a redelivery applies each event once.
    /// <paramref name="markApplied"/> moves the watermark that makes a redelivery skip these events; it runs in
    /// the same step that makes the change the profile's, so no failure can separate the two.
    /// </summary>
    private async Task ApplyEventsAsync(IReadOnlyList<JournalEvent> events, Action markApplied)
    {
        inUse = true;
        var live = await services.LiveJourneys.GetAsync();
        var definitions = await services.Segments.GetAsync();
        var run = new Run(this, live);
        if (stored.State.DueAt <= Now)
        {
            // A late wake-up must not let an event overtake a wait already due (a purchase after a timeout is not "in time").
            run.HandleDue();
        }
        foreach (var e in events)
        {
            if (EnvelopeJson.Deserialize(e.Payload) is not { } envelope)
            {
                continue;
            }
            if (IdentityLink.Find(envelope) is { } link && link.KnownId == Id && !run.State.Owns(link.AnonymousId))
            {
                var anonymous = await GrainFactory.GetProfile(Kind, link.AnonymousId).TakeOverAsync(Id);
                run.State = Merge(run.State, ProfileJson.Deserialize<TState>(anonymous), Now);
            }
            run.State = Apply(run.State, envelope, Now);
            var journeyEvent = JourneyEvent.From(envelope);
            run.History = ProfileViews.Remember(run.History, journeyEvent);
            run.Handle(new EventReceived(journeyEvent), envelope.MessageId);
        }

        var segments = EvaluateSegments(run.State, definitions);
        foreach (var entered in segments?.Entered ?? [])
        {
            run.Handle(new SegmentEntered(entered), $"segment:{entered}:{events[^1].Position}");
        }

        await QueueMessagesAsync(run);
        Commit(run, markApplied);
        if (segments is not null)
        {
            RecordSegments(segments);
        }
        Schedule(live);
        ForgetRendered();
    }

    private async Task RunDueAsync()
    {
        var live = await services.LiveJourneys.GetAsync();
        var run = new Run(this, live);
        run.HandleDue();
        await QueueMessagesAsync(run);
        Commit(run, markApplied: null);
        MarkDirty();
        Schedule(live);
        ForgetRendered();
        await SendPopupsAsync();
        await SaveAsync();
    }

    /// <summary>
    /// Messages and webhooks of this change go to the outbox before the change becomes the profile's:
    /// if the write fails nothing is applied, and the redelivered events make the same dedupe keys.
    /// </summary>
    private Task QueueMessagesAsync(Run run)
    {
        var messages = run.Commands.OfType<ActionCommand>()
            .Where(c => c is SendMessage or CallWebhook)
            .Select(c => new OutboxMessage(
                c.DedupeKey, Kind, Id, c.JourneyId, c.Version, c.NodeId, ChannelOf(c)!, (c as SendMessage)?.Topic,
                JsonSerializer.Serialize(new { command = (JourneyCommand)c, @event = run.Triggers.GetValueOrDefault(c.DedupeKey) }, EngineJson.Options),
                Now))
            .ToList();
        return services.Outbox.EnqueueAsync(messages);
    }

    private void Commit(Run run, Action? markApplied)
    {
        state = run.State;
        history = run.History;
        var before = journeys.Instances;
        journeys = run.Journeys;
        markApplied?.Invoke();
        MarkDirty();
        unsavedStats.AddRange(JourneyStatsBuffer.Deltas(run.Commands));
        unsavedOutcomes.AddRange(JourneyStatsBuffer.Outcomes(run.Commands));
        RecordWaiting(before, journeys.Instances);
        RecordTimeline(run.Commands);
        StagePopups(run.Commands);
        if (unsavedStats.Count > 0)
        {
            // Counters wait for the save (see unsavedStats).
            SaveSoon();
        }
    }

    /// <summary>
    /// A change to save. Journal readers save what they delivered at their checkpoint; this timer saves the rest
    /// (a delivery's outcome, popups a visitor took) <see cref="SaveBehind"/> later. It is armed only while there is
    /// something to save: a periodic timer in every profile kept each idle activation ticking (100,000 idle profiles:
    /// 20,000 grain turns a second doing nothing) and holding a timer's memory.
    /// </summary>
    private void MarkDirty()
    {
        dirty = true;
        saveBehind ??= this.RegisterGrainTimer(_ =>
        {
            saveBehind?.Dispose();
            saveBehind = null;
            return SaveAsync();
        }, new GrainTimerCreationOptions(SaveBehind, Timeout.InfiniteTimeSpan));
    }

    /// <summary>
    /// Saves in a turn of its own right after this one (see <see cref="SaveSoonSpacing"/>): the journal reader
    /// does not wait for it, and it is group-committed with the saves of other profiles.
    /// </summary>
    private void SaveSoon()
    {
        if (saveSoon is not null || Stopwatch.GetElapsedTime(lastWriteStarted) < SaveSoonSpacing)
        {
            return;
        }
        saveSoon = this.RegisterGrainTimer(_ =>
        {
            saveSoon?.Dispose();
            saveSoon = null;
            return SaveAsync();
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private void RecordWaiting(IEnumerable<JourneyInstance> before, IEnumerable<JourneyInstance> after)
    {
        static Dictionary<string, JourneyInstance> Waiting(IEnumerable<JourneyInstance> instances) =>
            instances.Where(i => i.IsLive && i.Wait is not null && i.CurrentNodeId is not null).ToDictionary(i => i.InstanceId);
        var was = Waiting(before);
        var now = Waiting(after);
        foreach (var (id, instance) in was)
        {
            if (!now.TryGetValue(id, out var still) || still.CurrentNodeId != instance.CurrentNodeId || still.Version != instance.Version)
            {
                unsavedStats.Add(JourneyStatsBuffer.Waiting(instance.JourneyId, instance.Version, instance.CurrentNodeId!, -1));
            }
        }
        foreach (var (id, instance) in now)
        {
            if (!was.TryGetValue(id, out var earlier) || earlier.CurrentNodeId != instance.CurrentNodeId || earlier.Version != instance.Version)
            {
                unsavedStats.Add(JourneyStatsBuffer.Waiting(instance.JourneyId, instance.Version, instance.CurrentNodeId!, +1));
            }
        }
    }

    private void RecordTimeline(IEnumerable<JourneyCommand> commands)
    {
        var timeline = stored.State.Timeline;
        foreach (var action in commands.OfType<ActionCommand>())
        {
            // One step, one entry: a replayed step yields the same dedupe key and is not recorded twice.
            if (timeline.Any(t => t.DedupeKey == action.DedupeKey))
            {
                continue;
            }
            var status = action switch
            {
                SetTrait => TimelineEntry.Done,
                SendMessage or CallWebhook => OutboxStatus.Queued,
                _ => TimelineEntry.AwaitingHandler,
            };
            recentSends = null;
            timeline.Add(new TimelineEntry(Now, TypeName(action), action.JourneyId, action.Version, action.NodeId, action.DedupeKey, ChannelOf(action), status,
                TimelineEntry.CommandJsonOf(action)));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                // Debug, guarded: a line per action at thousands a second cost the silos CPU; the timeline is the record.
                logger.LogDebug("{ProfileKind} {ProfileId}: {Action} from {JourneyId} v{Version} node {NodeId}", Kind, Id, TypeName(action), action.JourneyId, action.Version, action.NodeId);
            }
        }
        TimelineEntry.Trim(timeline, TimelineKept, Now - TimelineEntry.CapWindow, SendsKept);
    }

    /// <summary>Popups of steps that just ran (not replays: those are no longer awaiting a handler).</summary>
    private void StagePopups(IEnumerable<JourneyCommand> commands)
    {
        var shown = commands.OfType<ShowPopup>().ToList();
        if (shown.Count == 0)
        {
            return;
        }
        var awaiting = stored.State.Timeline.Where(t => t.Status == TimelineEntry.AwaitingHandler).Select(t => t.DedupeKey).ToHashSet();
        var fresh = shown.Where(p => awaiting.Contains(p.DedupeKey)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        var (traits, computed) = ConditionInputs(state);
        var made = fresh.Select(p => PopupRenderer.Render(p, Kind, Id, traits, computed, Now)).ToList();
        popups.Stage(made);
        outgoing.AddRange(made);
    }

    /// <summary>
    /// Pushed first, then saved soon (<see cref="SaveSoon"/>: the next turn, or with the reader's checkpoint up
    /// to 2 s later for a profile that saved less than 2 s ago) with what became of them (delivered, or pending for the
    /// next visit) and the position of the events that made them. A crash before that save leaves the
    /// events to the journal's replay, which makes the same popups again: none is lost, and the one window
    /// for a repeat is between a push and its save. Saving before the push would put a database round
    /// trip on every popup's way without narrowing that window; saving in this turn would make the
    /// journal reader's next batch wait for it.
    /// </summary>
    private async Task SendPopupsAsync()
    {
        if (outgoing.Count == 0)
        {
            return;
        }
        var sending = outgoing.ToList();
        outgoing.Clear();
        await popups.PushAsync(sending, Now);
        MarkDirty();
        SaveSoon();
    }

    /// <summary>
    /// The profile's earliest due item goes into its state, and with the next save into the due index that
    /// the partition scanners wake it from; a grain timer adds precision while the profile is active.
    /// </summary>
    private void Schedule(IReadOnlyList<RunnableJourney> live)
    {
        // Without journeys or instances nothing can fall due; skip building the profile's view.
        var due = live.Count == 0 && journeys.Instances.Count == 0 ? null : ProfileJourneys.NextDue(live, journeys, View(state, history, live), Now);
        if (due == stored.State.DueAt)
        {
            return;
        }
        stored.State.DueAt = due;
        MarkDirty();
        SetPreciseTimer(due);
    }

    private void SetPreciseTimer(DateTimeOffset? due)
    {
        dueTimer?.Dispose();
        dueTimer = null;
        if (due is { } at && at - Now < PreciseTimerHorizon)
        {
            var wait = at - Now;
            dueTimer = this.RegisterGrainTimer(_ => RunDueAsync(), new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    private SegmentChanges? EvaluateSegments(TState current, IReadOnlyList<SegmentDefinition> definitions)
    {
        if (definitions.Count == 0 && stored.State.Segments.Count == 0)
        {
            // Nothing to enter or leave: skip rendering the profile to JSON on the hot path.
            return null;
        }
        var (traits, computed) = ConditionInputs(current);
        var changes = SegmentEvaluator.Evaluate(definitions, traits, computed, stored.State.Segments, Now);
        return changes.Changed ? changes : null;
    }

    private void RecordSegments(SegmentChanges changes)
    {
        stored.State.Segments = [.. changes.Members];
        var segmentHistory = stored.State.SegmentHistory;
        segmentHistory.AddRange(changes.Entered.Select(s => new SegmentTransition(s, Entered: true, Now)));
        segmentHistory.AddRange(changes.Exited.Select(s => new SegmentTransition(s, Entered: false, Now)));
        if (segmentHistory.Count > SegmentHistoryKept)
        {
            segmentHistory.RemoveRange(0, segmentHistory.Count - SegmentHistoryKept);
        }
        logger.LogDebug("{ProfileKind} {ProfileId} entered {Entered} and left {Exited}", Kind, Id, changes.Entered, changes.Exited);
    }

    private async Task SaveAsync()
    {
        if (!dirty)
        {
            return;
        }
        var upTo = stored.State.LastAppliedPosition;
        stored.State.StateJson = ProfileJson.Serialize(state);
        stored.State.JourneysJson = JsonSerializer.Serialize(journeys, EngineJson.Options);
        stored.State.JourneyHistoryJson = JsonSerializer.Serialize(history, EngineJson.Options);
        dirty = false;
        List<NodeStatDelta> counted = [.. unsavedStats];
        List<NodeOutcomeDelta> outcomes = [.. unsavedOutcomes];
        unsavedStats.Clear();
        unsavedOutcomes.Clear();
        lastWriteStarted = Stopwatch.GetTimestamp();
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            unsavedStats.InsertRange(0, counted);
            unsavedOutcomes.InsertRange(0, outcomes);
            // The timer tries again if nothing else saves first (a reader's checkpoint, the next change).
            MarkDirty();
            throw;
        }
        savedUpTo = upTo;
        if (!dirty)
        {
            // Nothing waits any more. Left armed, the timer of a change a reader's checkpoint just flushed would still
            // take a grain turn per applied event to find nothing to save (1.7% of a silo applying events, docs/benchmarks.md).
            saveBehind?.Dispose();
            saveBehind = null;
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{ProfileKind} {ProfileId} saved up to {Saved}, version {ETag}", Kind, Id, upTo, stored.Etag);
        }
        ForgetSerializedModel();
        services.Stats.Record(counted, outcomes);
    }

    /// <summary>
    /// The document's JSON copies of the engine's model are only needed while they are written: held
    /// beside the parsed model they would more than double an idle profile's memory (docs/benchmarks.md).
    /// Every save serializes them again from the parsed model.
    /// </summary>
    private void ForgetSerializedModel()
    {
        stored.State.StateJson = null;
        stored.State.JourneysJson = null;
        stored.State.JourneyHistoryJson = null;
    }

    private Engine.Journeys.ProfileView View(TState current, IReadOnlyList<JourneyEvent> events, IReadOnlyList<RunnableJourney> live)
    {
        var since = Now - TimelineEntry.CapWindow;
        recentSends ??= TimelineEntry.SendsSince(stored.State.Timeline, since);
        return ProfileViews.For(current, ConditionInputs(current), services.LiveJourneys.Topics, recentSends, events);
    }

    private void ForgetRendered()
    {
        rendered = null;
        recentSends = null;
    }

    private (JsonElement Traits, JsonElement Computed) ConditionInputs(TState current)
    {
        if (rendered is not { } last || !ReferenceEquals(last.State, current))
        {
            var (traits, computed) = ProfileViews.ConditionInputs(current);
            rendered = last = (current, traits, computed);
        }
        return (last.Traits, last.Computed);
    }

    private static string? ChannelOf(ActionCommand action) => action switch
    {
        SendMessage m => m.Channel.ToString().ToLowerInvariant(),
        CallWebhook => "webhook",
        ShowPopup => "popup",
        _ => null,
    };

    private static string TypeName(JourneyCommand command) => JsonNamingPolicy.CamelCase.ConvertName(command.GetType().Name);

    /// <summary>One change being worked out on copies; <see cref="Commit"/> makes it the profile's.</summary>
    private sealed class Run(ProfileGrain<TState> grain, IReadOnlyList<RunnableJourney> live)
    {
        public TState State { get; set; } = grain.state;
        public List<JourneyEvent> History { get; set; } = grain.history;
        public ProfileJourneysState Journeys { get; private set; } = grain.journeys;
        public List<JourneyCommand> Commands { get; } = [];

        /// <summary>The event that caused each action, by dedupe key: messages render it as <c>event</c>.</summary>
        public Dictionary<string, JourneyEvent> Triggers { get; } = [];

        public void Handle(JourneyInput input, string inputId)
        {
            if (live.Count == 0)
            {
                return;
            }
            var result = ProfileJourneys.Handle(live, Journeys, input, inputId, grain.View(State, History, live), grain.Now);
            if (input is EventReceived received)
            {
                foreach (var action in result.Commands.OfType<ActionCommand>())
                {
                    Triggers[action.DedupeKey] = received.Event;
                }
            }
            Take(result);
        }

        public void HandleDue() => Take(ProfileJourneys.HandleDue(live, Journeys, grain.View(State, History, live), grain.Now));

        private void Take(ProfileJourneysResult result)
        {
            Journeys = result.State;
            Commands.AddRange(result.Commands);
            foreach (var trait in result.Commands.OfType<SetTrait>())
            {
                var traits = (System.Text.Json.Nodes.JsonObject)State.Traits.DeepClone();
                traits[trait.Trait] = System.Text.Json.Nodes.JsonNode.Parse(trait.Value.GetRawText());
                State = State with { Traits = traits };
            }
        }
    }
}
