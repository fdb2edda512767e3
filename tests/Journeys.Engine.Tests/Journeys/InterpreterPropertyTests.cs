using CsCheck;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class InterpreterPropertyTests
{
    private static readonly Gen<string> ProfileIds = Gen.String[1, 24];

    [Fact]
    public void Split_assignment_is_stable_for_a_profile() =>
        ProfileIds.Sample(profileId =>
            Assert.Equal(SplitAssignment.Bucket(profileId, "j", "split"), SplitAssignment.Bucket(profileId, "j", "split")));

    [Fact]
    public void Split_branches_and_holdouts_stay_within_one_percent_of_their_weights_over_100k_profiles()
    {
        SplitBranch[] branches =
        [
            new() { Name = "A", Weight = 20, Next = "a" },
            new() { Name = "B", Weight = 30, Next = "b" },
            new() { Name = "C", Weight = 50, Next = "c" },
        ];
        const int profiles = 100_000;
        var counts = new int[3];
        var held = 0;
        for (var i = 0; i < profiles; i++)
        {
            var id = $"profile-{i}";
            counts[SplitAssignment.ChooseBranch(branches, SplitAssignment.Bucket(id, "journey", "split"))]++;
            held += SplitAssignment.Bucket(id, "journey", "holdout") < 10 ? 1 : 0;
        }

        Assert.InRange(counts[0] * 100.0 / profiles, 19, 21);
        Assert.InRange(counts[1] * 100.0 / profiles, 29, 31);
        Assert.InRange(counts[2] * 100.0 / profiles, 49, 51);
        Assert.InRange(held * 100.0 / profiles, 9, 11);
    }

    [Fact]
    public void Replaying_random_event_sequences_never_yields_two_sends_with_one_dedupe_key()
    {
        var journey = SampleJourneys.Load("toll-abandoned-cart");
        var start = new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero);
        var events = Gen.Select(
                Gen.Int[0, 3 * 24 * 60],
                Gen.OneOf<string>("Cart Updated", "Order Completed", "Page Viewed"),
                Gen.Int[1, 3],
                (minutes, name, cart) => Event(name, start.AddMinutes(minutes), new { cartId = $"c{cart}" }, id: $"{name}-{minutes}-{cart}"))
            .List[0, 12];

        Gen.Select(ProfileIds, events).Sample((profileId, sequence) =>
        {
            var profile = Profile(profileId, traits: new { hasMobileApp = profileId.Length % 2 == 0 }, timeZone: "Europe/Paris");
            var result = JourneyDryRun.Run(journey, profile, sequence, start, start.AddDays(10));
            var keys = result.Commands.Select(c => c.Command).OfType<ActionCommand>().Select(c => c.DedupeKey).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.All(result.Instances, instance => Assert.True(instance.NodeVisits.Values.All(v => v <= 1)));
        }, iter: 300);
    }

    [Fact]
    public void A_goal_event_always_exits_a_live_instance_at_once() =>
        Gen.Int[1, 60 * 24 * 6].Sample(minutes =>
        {
            var journey = SampleJourneys.Load("toll-abandoned-cart");
            var start = new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);
            var result = JourneyDryRun.Run(
                journey,
                Profile("p-goal", timeZone: "Europe/Paris"),
                [Event("Cart Updated", start, new { cartId = "c1" }), Event("Order Completed", start.AddMinutes(minutes), new { cartId = "other" })],
                start,
                start.AddDays(30));

            var instance = Assert.Single(result.Instances);
            Assert.False(instance.IsLive);
            Assert.True(instance.Converted);
            Assert.DoesNotContain(result.Commands, c => c.At > start.AddMinutes(minutes) && c.Command is ActionCommand);
        }, iter: 200);
}
