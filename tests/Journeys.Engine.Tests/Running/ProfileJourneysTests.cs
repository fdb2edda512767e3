using Journeys.Engine.Journeys;
using Journeys.Engine.Running;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Running;

public sealed class ProfileJourneysTests
{
    private static readonly DateTimeOffset T0 = Monday9Utc;

    private static JourneyDefinition WaitThenEmail(int version, string waitId = "wait", string emailId = "email") => Journey(
        new WaitNode { Id = waitId, Duration = TimeSpan.FromHours(1), Next = emailId },
        Email(emailId, "done"),
        Exit()) with { Version = version };

    private static RunnableJourney Runnable(JourneyRunStatus status = JourneyRunStatus.Active, params (JourneyDefinition Definition, VersionPolicy Policy)[] versions) =>
        new("test-journey", status, versions.Max(v => v.Definition.Version),
            versions.ToDictionary(v => v.Definition.Version, v => v.Definition),
            versions.ToDictionary(v => v.Definition.Version, v => v.Policy));

    private static ProfileJourneysResult Enter(RunnableJourney journey, string inputId = "m1") =>
        ProfileJourneys.Handle([journey], ProfileJourneysState.Empty, new EventReceived(Event("Start", T0, id: inputId)), inputId, Profile(), T0);

    [Fact]
    public void A_once_journey_stays_entered_however_many_instances_of_another_journey_finish_after_it()
    {
        var welcome = Runnable(versions: (Journey(Exit()) with { Id = "welcome", Entry = new EntryPolicy { Mode = EntryMode.Once } }, new VersionPolicy(InFlightPolicy.Keep))) with { JourneyId = "welcome" };
        var popupPerEvent = Runnable(versions: (Journey(Exit()), new VersionPolicy(InFlightPolicy.Keep)));
        var state = ProfileJourneysState.Empty;

        for (var i = 0; i < ProfileJourneys.FinishedKept * 3; i++)
        {
            state = ProfileJourneys.Handle([welcome, popupPerEvent], state, new EventReceived(Event("Start", T0.AddMinutes(i), id: $"m{i}")), $"m{i}", Profile(), T0.AddMinutes(i)).State;
        }

        Assert.Equal("welcome:m0", Assert.Single(state.Instances, i => i.JourneyId == "welcome").InstanceId);
        Assert.Equal(ProfileJourneys.FinishedKept, state.Instances.Count(i => i.JourneyId == "test-journey"));
        Assert.Equal(T0.AddMinutes(ProfileJourneys.FinishedKept * 3 - 1), state.Instances.Where(i => i.JourneyId == "test-journey").Max(i => i.EnteredAt));
    }

    [Fact]
    public void A_finished_instance_whose_goal_window_is_open_is_kept_past_the_newest_few()
    {
        var withGoal = Journey(Exit()) with { Goal = new GoalDefinition { Event = "Purchased", Window = TimeSpan.FromDays(7) } };
        var journey = Runnable(versions: (withGoal, new VersionPolicy(InFlightPolicy.Keep)));
        var state = ProfileJourneysState.Empty;

        for (var i = 0; i < ProfileJourneys.FinishedKept * 2; i++)
        {
            state = ProfileJourneys.Handle([journey], state, new EventReceived(Event("Start", T0.AddMinutes(i), id: $"m{i}")), $"m{i}", Profile(), T0.AddMinutes(i)).State;
        }

        Assert.Equal(ProfileJourneys.FinishedKept * 2, state.Instances.Count);
    }

    [Fact]
    public void A_triggering_event_starts_an_instance_named_after_the_input_and_sets_the_next_due_time()
    {
        var journey = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));

        var entered = Enter(journey);

        var instance = Assert.Single(entered.State.Instances);
        Assert.Equal("test-journey:m1", instance.InstanceId);
        Assert.Equal(T0.AddHours(1), ProfileJourneys.NextDue([journey], entered.State, Profile(), T0));
    }

    [Fact]
    public void Replaying_the_same_input_starts_the_same_instance_id_so_dedupe_keys_repeat()
    {
        var journey = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));

        var first = ProfileJourneys.HandleDue([journey], Enter(journey).State, Profile(), T0.AddHours(1));
        var replay = ProfileJourneys.HandleDue([journey], Enter(journey).State, Profile(), T0.AddHours(1));

        Assert.Equal(
            first.Commands.OfType<SendMessage>().Select(c => c.DedupeKey),
            replay.Commands.OfType<SendMessage>().Select(c => c.DedupeKey));
        Assert.Single(first.Commands.OfType<SendMessage>());
    }

    [Fact]
    public void A_paused_journey_neither_admits_nor_steps_and_its_waits_do_not_wake_the_profile()
    {
        var active = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));
        var state = Enter(active).State;
        var paused = active with { Status = JourneyRunStatus.Paused };

        var due = ProfileJourneys.HandleDue([paused], state, Profile(), T0.AddHours(2));
        var again = ProfileJourneys.Handle([paused], state, new EventReceived(Event("Start", T0, id: "m2")), "m2", Profile(), T0);

        Assert.Empty(due.Commands.OfType<SendMessage>());
        Assert.Single(again.State.Instances);
        Assert.Null(ProfileJourneys.NextDue([paused], state, Profile(), T0));
    }

    [Fact]
    public void Archiving_ends_live_instances_at_their_next_step()
    {
        var active = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));
        var state = Enter(active).State;

        var archived = ProfileJourneys.HandleDue([active with { Status = JourneyRunStatus.Archived }], state, Profile(), T0.AddHours(2));

        Assert.All(archived.State.Instances, i => Assert.False(i.IsLive));
        Assert.Contains(archived.Commands.OfType<InstanceFinished>(), f => f.Reason == "archived");
        Assert.Empty(archived.Commands.OfType<SendMessage>());
    }

    [Fact]
    public void Instances_keep_their_version_when_the_new_one_says_keep()
    {
        var v1 = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));
        var state = Enter(v1).State;
        var v2 = Runnable(JourneyRunStatus.Active, (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)), (WaitThenEmail(2, "pause", "mail"), new VersionPolicy(InFlightPolicy.Keep)));

        var due = ProfileJourneys.HandleDue([v2], state, Profile(), T0.AddHours(1));

        var send = Assert.Single(due.Commands.OfType<SendMessage>());
        Assert.Equal(1, send.Version);
    }

    [Fact]
    public void Instances_move_to_the_mapped_node_of_the_new_version_when_it_says_migrate()
    {
        var v1 = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));
        var state = Enter(v1).State;
        var mapping = new Dictionary<string, string> { ["wait"] = "pause", ["email"] = "mail" };
        var v2 = Runnable(JourneyRunStatus.Active, (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)), (WaitThenEmail(2, "pause", "mail"), new VersionPolicy(InFlightPolicy.Migrate, mapping)));

        var due = ProfileJourneys.HandleDue([v2], state, Profile(), T0.AddHours(1));

        var send = Assert.Single(due.Commands.OfType<SendMessage>());
        Assert.Equal(2, send.Version);
        Assert.Equal("mail", send.NodeId);
    }

    [Fact]
    public void Instances_exit_when_the_new_version_says_exit()
    {
        var v1 = Runnable(versions: (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)));
        var state = Enter(v1).State;
        var v2 = Runnable(JourneyRunStatus.Active, (WaitThenEmail(1), new VersionPolicy(InFlightPolicy.Keep)), (WaitThenEmail(2), new VersionPolicy(InFlightPolicy.Exit)));

        var due = ProfileJourneys.HandleDue([v2], state, Profile(), T0.AddHours(1));

        Assert.Empty(due.Commands.OfType<SendMessage>());
        Assert.Contains(due.Commands.OfType<InstanceFinished>(), f => f.Reason == "versionExit");
    }
}
