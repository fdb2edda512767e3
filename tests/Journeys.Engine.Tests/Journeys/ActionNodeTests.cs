using System.Text.Json;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class ActionNodeTests
{
    [Fact]
    public void Every_action_node_emits_its_command_with_the_instance_identity()
    {
        var journey = Journey(
            new IssuePromoCodeNode { Id = "promo", Campaign = "summer", Next = "voucher" },
            new IssueVoucherNode { Id = "voucher", VoucherType = "bonus", Amount = 50, Currency = "EUR", Next = "points" },
            new AwardPointsNode { Id = "points", Points = 250, Reason = "booking", Next = "trait" },
            new SetTraitNode { Id = "trait", Trait = "welcomed", Value = Json("true"), Next = "hook" },
            new WebhookNode { Id = "hook", Url = new Uri("https://partner.example/notify"), Body = "{{ context.cartId }}", Next = "popup" },
            new PopupNode { Id = "popup", Template = new MessageTemplate { Body = "Hi" }, ExpiresAfter = TimeSpan.FromMinutes(30), Next = "email" },
            Email("email", "done"),
            Exit());

        var result = Start(journey, Profile(), Monday9Utc, new { cartId = "c-9" });

        Assert.Equal("summer", Assert.Single(result.OfType<IssuePromoCode>()).Campaign);
        Assert.Equal(50m, Assert.Single(result.OfType<IssueVoucher>()).Amount);
        Assert.Equal(250, Assert.Single(result.OfType<AwardPoints>()).Points);
        Assert.Equal("welcomed", Assert.Single(result.OfType<SetTrait>()).Trait);
        Assert.Equal("c-9", Assert.Single(result.OfType<CallWebhook>()).Context.GetProperty("cartId").GetString());
        Assert.Equal(Monday9Utc.AddMinutes(30), Assert.Single(result.OfType<ShowPopup>()).ExpiresAt);
        var send = Assert.Single(result.OfType<SendMessage>());
        Assert.Equal(("profile-1", "test-journey", 1, "instance-1", "email"), (send.ProfileId, send.JourneyId, send.Version, send.InstanceId, send.NodeId));
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Fact]
    public void The_dedupe_key_names_profile_journey_version_instance_node_and_visit()
    {
        var result = Start(Journey(Email("email", "done"), Exit()), Profile(), Monday9Utc);

        Assert.Equal("profile-1/test-journey/v1/instance-1/email/1", Assert.Single(result.OfType<SendMessage>()).DedupeKey);
    }

    [Fact]
    public void Bookkeeping_commands_pair_every_entered_node_with_an_exit_or_a_finish()
    {
        var result = Start(Journey(Email("email", "done"), Exit()), Profile(), Monday9Utc);

        Assert.Equal(
            ["nodeEntered:email", "sendMessage:email", "nodeExited:email", "nodeEntered:done", "instanceFinished:done"],
            result.Commands.Select(c => $"{JsonSerializer.SerializeToElement(c, EngineJson.Options).GetProperty("type").GetString()}:{c.NodeId}"));
    }
}
