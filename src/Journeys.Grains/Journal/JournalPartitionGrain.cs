using System.Diagnostics;
using Journeys.Grains.Profiles;
using Journeys.Storage.Journal;

namespace Journeys.Grains.Journal;

/// <summary>
/// The reader of one journal partition. Delivery is pushed on commit (NotifyAsync) and polled as
/// a fallback; recovery after a crash replays from the checkpoint, and profiles drop what they
/// already applied, so every acknowledged event is applied exactly once. It also scans its
/// partition's due index and wakes the profiles whose wait is over (<see cref="DueProfileScanner"/>).
/// While acknowledgements are slow and it is behind, it gives way to them (<see cref="ApplyPacing"/>).
/// </summary>
[GrainType("journal-partition"), Reentrant]
public sealed class JournalPartitionGrain(IEventJournal journal, DueProfileScanner dueProfiles, JournalOptions options, TimeProvider clock, ILogger<JournalPartitionGrain> logger)
    : Grain, IJournalPartitionGrain, IRemindable, IDisposable
{
    private const int CheckpointEveryProfiles = 2000;
    // The fallback for rows nobody notified of (a gateway that died after its commit, a lost notification).
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CheckpointPeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RestStep = TimeSpan.FromMilliseconds(100);
    // Bounds the lateness of a due step whose profile is not active (active ones have a precise timer).
    private static readonly TimeSpan DueScanPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Profiles delivered to since the checkpoint, each with the last position the reader saw it apply (0: none
    /// known). A profile whose flush at the checkpoint holds less lost applied events with an activation, and the reader rewinds.
    /// </summary>
    private readonly Dictionary<(string Kind, string Id), long> unsavedProfiles = [];
    private int Partition => (int)this.GetPrimaryKeyLong();
    private long delivered;
    private long checkpoint;
    // Bumped by a rewind: a batch or checkpoint that started before it must not move the cursor past it.
    private long rewinds;
    private readonly SemaphoreSlim saving = new(1, 1);
    private Task? pump;
    private bool pumpAgain;
    private bool givingWay;
    private Task<int> dueScan = Task.FromResult(0);
    private readonly ApplyPacing pacing = new(options, clock);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        checkpoint = delivered = await journal.ReadCheckpointAsync(Partition, cancellationToken);
        logger.LogInformation("Journal partition {Partition}: reader activated, reading from its checkpoint {Checkpoint}", Partition, checkpoint);
        // The reminder brings the reader back after a silo dies, even if nobody sends an event.
        await this.RegisterOrUpdateReminder("keep-reading", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), CancellationToken.None);
        this.RegisterGrainTimer(_ => PumpAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, PollPeriod) { Interleave = true });
        this.RegisterGrainTimer(_ => SaveCheckpointAsync(), new GrainTimerCreationOptions(CheckpointPeriod, CheckpointPeriod) { Interleave = true });
        this.RegisterGrainTimer(_ => dueScan.IsCompleted ? (Task)ScanDueAsync() : Task.CompletedTask, new GrainTimerCreationOptions(DueScanPeriod, DueScanPeriod) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pump is not null)
        {
            await pump;
        }
        await SaveCheckpointAsync();
    }

    public void Dispose() => saving.Dispose();

    Task IJournalPartitionGrain.NotifyAsync(bool acknowledgementsSlow)
    {
        if (acknowledgementsSlow)
        {
            pacing.AcknowledgementsSlow();
        }
        return PumpAsync();
    }

    async Task<long> IJournalPartitionGrain.CatchUpAsync()
    {
        await PumpAsync();
        await SaveCheckpointAsync();
        return checkpoint;
    }

    Task<int> IJournalPartitionGrain.WakeDueAsync() => ScanDueAsync();

    /// <summary>Scans take turns; a scan asked for during another starts after it, with the time of its own start.</summary>
    private Task<int> ScanDueAsync()
    {
        dueScan = ScanAfterAsync(dueScan);
        return dueScan;
    }

    private async Task<int> ScanAfterAsync(Task previous)
    {
        // Its outcome was its caller's; this scan only waits for it to end.
        await ((Task)previous).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        return await dueProfiles.WakeDueAsync(Partition);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => PumpAsync();

    /// <summary>One pump at a time; a request during a pump makes it go round once more.</summary>
    private Task PumpAsync()
    {
        if (pump is { IsCompleted: false })
        {
            pumpAgain = true;
            return pump;
        }
        pump = RunPumpAsync();
        return pump;
    }

    private async Task RunPumpAsync()
    {
        do
        {
            pumpAgain = false;
            var started = Stopwatch.GetTimestamp();
            var limit = pacing.BatchSize;
            Read read;
            while ((read = await DeliverNextBatchAsync(limit)) == Read.More)
            {
                pacing.FullBatchApplied(limit, Stopwatch.GetElapsedTime(started));
                LogGivingWay(pacing.Rate);
                if (unsavedProfiles.Count >= CheckpointEveryProfiles)
                {
                    await SaveCheckpointAsync();
                }
                // In short steps: a rest ends early once appends are fast again.
                for (var rest = pacing.RestLeft; rest > TimeSpan.Zero; rest = pacing.RestLeft)
                {
                    await Task.Delay(rest < RestStep ? rest : RestStep);
                }
                started = Stopwatch.GetTimestamp();
                limit = pacing.BatchSize;
            }
            if (read == Read.CaughtUp)
            {
                pacing.CaughtUp();
                LogGivingWay(null);
            }
        }
        while (pumpAgain);
    }

    private async Task<Read> DeliverNextBatchAsync(int limit)
    {
        var generation = rewinds;
        var batch = await journal.ReadPartitionAsync(Partition, delivered, limit);
        if (batch.Count == 0)
        {
            return Read.CaughtUp;
        }

        // Events of one profile go in one call, in journal order; profiles run in parallel.
        var deliveries = batch
            .GroupBy(r => (r.Record.ProfileKind, r.Record.ProfileId))
            .Select(g => (Profile: g.Key, UpTo: g.Last().Record.Position, Applied: Deliver(g.Key, g.Select(r => r.Record), g.First().ProfilePrevious)))
            .ToList();
        foreach (var (profile, _, _) in deliveries)
        {
            unsavedProfiles.TryAdd(profile, 0);
        }

        Delivery[] results;
        try
        {
            results = await Task.WhenAll(deliveries.Select(d => d.Applied));
            // After a silo dies many profiles of a partition can miss events at once: they catch up in parallel too.
            var refused = Enumerable.Range(0, results.Length).Where(i => !results[i].Held).ToList();
            var caughtUp = await Task.WhenAll(refused.Select(i => RedeliverFromSaveAsync(deliveries[i].Profile, results[i].SavedUpTo, deliveries[i].UpTo)));
            for (var j = 0; j < refused.Count; j++)
            {
                results[refused[j]] = caughtUp[j];
            }
        }
        catch (Exception ex)
        {
            // Not advancing means the whole batch is offered again; profiles skip what they applied.
            logger.LogWarning(ex, "Journal partition {Partition}: delivery after position {Position} failed; will retry", Partition, delivered);
            return Read.Failed;
        }
        if (generation != rewinds)
        {
            return Read.More;
        }

        for (var i = 0; i < deliveries.Count; i++)
        {
            var (profile, upTo, _) = deliveries[i];
            if (results[i].SavedUpTo >= upTo)
            {
                // Its saved state already holds this delivery (a replay after a rewind): nothing for the checkpoint to flush.
                unsavedProfiles.Remove(profile);
            }
            else
            {
                unsavedProfiles[profile] = Math.Max(unsavedProfiles.GetValueOrDefault(profile), upTo);
            }
        }
        delivered = batch[^1].Record.Position;
        pacing.Delivered(batch[^1].Record.ReceivedAt);
        return batch.Count == limit ? Read.More : Read.CaughtUp;
    }

    private void LogGivingWay(double? rate)
    {
        if (rate.HasValue == givingWay)
        {
            return;
        }
        givingWay = rate.HasValue;
        if (rate is { } held)
        {
            logger.LogInformation("Journal partition {Partition}: behind while acknowledgements are slow; applying gives way to them, at {Rate:F0} events/s to start with (delivered up to {Position})",
                Partition, held, delivered);
        }
        else
        {
            logger.LogInformation("Journal partition {Partition}: applying at full speed again (delivered up to {Position})", Partition, delivered);
        }
    }

    private Task<Delivery> Deliver((string Kind, string Id) profile, IEnumerable<JournalRecord> records, long previousPosition) =>
        GrainFactory.GetProfile(profile.Kind, profile.Id)
            .ApplyAsync([.. records.Select(r => new JournalEvent(r.Position, r.MessageId, r.Type, r.Event, r.OccurredAt, r.Payload))], previousPosition);

    /// <summary>
    /// A profile missed events before a delivery, and its latest save does not hold them either (an activation ended
    /// without saving what it applied, or another activation applied them). It gets its own events from its save on,
    /// read from the journal: a replay of the partition starts at the checkpoint, and an event before it (a save
    /// restored from a backup) would never come back. Still not held (its activation changed again): the batch fails
    /// and is offered again.
    /// </summary>
    private async Task<Delivery> RedeliverFromSaveAsync((string Kind, string Id) profile, long saved, long upTo)
    {
        var records = await journal.ReadProfileEventsAsync(profile.Kind, profile.Id, saved, upTo);
        logger.LogWarning("Journal partition {Partition}: {ProfileKind} {ProfileId} misses events its save (up to {Saved}) does not hold; delivering its {Count} events up to {Position} again",
            Partition, profile.Kind, profile.Id, saved, records.Count, upTo);
        var again = await Deliver(profile, records, saved);
        return again.Held ? again : throw new InvalidOperationException($"{profile.Kind} {profile.Id} still misses events before position {saved}");
    }

    /// <summary>
    /// A profile's save holds less than the reader saw it apply at the checkpoint: its activation ended without saving
    /// (its silo died, or a save met another version). Every profile's saved state holds its events up to the
    /// checkpoint, so a replay from there gives it back what it lost; the others skip what they hold.
    /// </summary>
    private void Rewind()
    {
        logger.LogWarning("Journal partition {Partition}: a profile lost applied events; replaying from the checkpoint {Checkpoint} (delivered up to {Position})", Partition, checkpoint, delivered);
        delivered = checkpoint;
        rewinds++;
        foreach (var profile in unsavedProfiles.Keys)
        {
            unsavedProfiles[profile] = 0;
        }
    }

    private async Task SaveCheckpointAsync()
    {
        // Saves take turns: a second save must not pass a checkpoint the first has not flushed.
        await saving.WaitAsync();
        try
        {
            await SaveCheckpointOnceAsync();
        }
        finally
        {
            saving.Release();
        }
    }

    private async Task SaveCheckpointOnceAsync()
    {
        if (delivered == checkpoint)
        {
            return;
        }
        var upTo = delivered;
        var generation = rewinds;
        // Profiles delivered to while this save runs land in the fresh set and wait for the next save.
        var profiles = unsavedProfiles.ToList();
        unsavedProfiles.Clear();
        try
        {
            var saved = await Task.WhenAll(profiles.Select(p => GrainFactory.GetProfile(p.Key.Kind, p.Key.Id).FlushAsync()));
            if (generation != rewinds)
            {
                Restore(profiles, generation);
                return;
            }
            if (saved.Where((position, i) => position < profiles[i].Value).Any())
            {
                Restore(profiles, generation);
                Rewind();
                return;
            }
            await journal.SaveCheckpointAsync(Partition, upTo);
            checkpoint = Math.Max(checkpoint, upTo);
            logger.LogDebug("Journal partition {Partition}: checkpoint {Checkpoint} saved after {Profiles} profiles flushed", Partition, upTo, profiles.Count);
        }
        catch (Exception ex)
        {
            Restore(profiles, generation);
            logger.LogWarning(ex, "Journal partition {Partition}: checkpoint at {Position} not saved; will retry", Partition, upTo);
        }
    }

    /// <summary>Profiles not checkpointed wait for the next save; what the reader saw them apply holds only if it did not rewind meanwhile.</summary>
    private void Restore(IEnumerable<KeyValuePair<(string Kind, string Id), long>> profiles, long generation)
    {
        foreach (var (profile, applied) in profiles)
        {
            unsavedProfiles[profile] = Math.Max(unsavedProfiles.GetValueOrDefault(profile), generation == rewinds ? applied : 0);
        }
    }

    private enum Read
    {
        /// <summary>A full batch was delivered: there may be more.</summary>
        More,
        /// <summary>Everything committed is delivered.</summary>
        CaughtUp,
        Failed,
    }
}
