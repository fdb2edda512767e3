using Journeys.Engine.Conditions;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class JourneyDryRunTests
{
    [Fact]
    public void Waits_fire_at_their_virtual_due_times_and_the_run_stops_at_the_end()
    {
        var journey = Journey(
            new WaitNode { Id = "wait", Duration = TimeSpan.FromDays(2), Next = "email" },
            Email("email", "done"),
            Exit());

        var brief = JourneyDryRun.Run(journey, Profile(), [Event("Start", Monday9Utc)], Monday9Utc, Monday9Utc.AddDays(1));
        var longer = JourneyDryRun.Run(journey, Profile(), [Event("Start", Monday9Utc)], Monday9Utc, Monday9Utc.AddDays(3));

        Assert.DoesNotContain(brief.Commands, c => c.Command is SendMessage);
        Assert.Equal(Monday9Utc.AddDays(2), Assert.Single(longer.Commands, c => c.Command is SendMessage).At);
    }

    [Fact]
    public void Sends_in_the_replay_count_towards_frequency_caps_of_later_steps()
    {
        var journey = Journey(Email("email", "done"), Exit()) with
        {
            Policies = new JourneyPolicies { FrequencyCaps = [new FrequencyCap { Channel = Channel.Email, Max = 1, Period = TimeSpan.FromDays(1) }] },
        };

        var run = JourneyDryRun.Run(journey, Profile(), [Event("Start", Monday9Utc), Event("Start", Monday9Utc.AddHours(1))], Monday9Utc, Monday9Utc.AddDays(1));

        Assert.Single(run.Commands, c => c.Command is SendMessage);
        Assert.Single(run.Commands, c => c.Command is Suppressed);
    }

    [Fact]
    public void Set_trait_changes_what_later_conditions_see_in_the_replay_only()
    {
        var journey = Journey(
            new ConditionNode
            {
                Id = "welcomed",
                Condition = new FieldCondition("traits.welcomed", "exists"),
                IfTrue = "done",
                IfFalse = "mark",
            },
            new SetTraitNode { Id = "mark", Trait = "welcomed", Value = Json("true"), Next = "email" },
            Email("email", "done"),
            Exit());
        var profile = Profile();

        var run = JourneyDryRun.Run(journey, profile, [Event("Start", Monday9Utc), Event("Start", Monday9Utc.AddHours(1))], Monday9Utc, Monday9Utc.AddDays(1));

        Assert.Single(run.Commands, c => c.Command is SendMessage);
        Assert.False(profile.Traits.TryGetProperty("welcomed", out _));
    }
}
