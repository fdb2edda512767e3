using System.Globalization;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>
/// Which profiles an event reaches. A booking event reaches the profile it was sent for, every
/// passenger's customer profile, the selling cashier's and the corporate's; anything else only the
/// profile it was sent for. Derived events get the deterministic messageId
/// <c>{messageId}:{kind}:{profileId}</c>, so a re-ingested booking fans out to the same ids and
/// deduplicates downstream. Passengers' derived events carry their booking data as traits, which is
/// how bookings build passenger profiles.
/// </summary>
public static class BookingFanOut
{
    public static IReadOnlyList<FanOutTarget> FanOut(EventEnvelope e)
    {
        var origin = new FanOutTarget(e.ProfileKind, e.ProfileId, e);
        var booking = e.Typed switch
        {
            BookingCreated b => b.Booking,
            BookingChanged b => b.Booking,
            BookingCancelled b => b.Booking,
            _ => null,
        };
        if (booking is null)
        {
            return [origin];
        }

        var targets = new List<FanOutTarget> { origin };
        foreach (var passenger in booking.Passengers)
        {
            Add(targets, e, ProfileKind.Customer, passenger.Id, PassengerTraits(passenger));
        }

        if (booking.CashierId is { } cashierId)
        {
            Add(targets, e, ProfileKind.Cashier, cashierId, traits: null);
        }

        if (booking.CorporateId is { } corporateId)
        {
            Add(targets, e, ProfileKind.Corporate, corporateId, traits: null);
        }

        return targets;
    }

    // The origin keeps its own messageId; when it is also a passenger it still learns the passenger traits.
    private static void Add(List<FanOutTarget> targets, EventEnvelope e, ProfileKind kind, string id, JsonObject? traits)
    {
        var index = targets.FindIndex(t => t.Kind == kind && t.ProfileId == id);
        if (index > 0)
        {
            return;
        }

        if (index == 0)
        {
            if (traits is not null)
            {
                targets[0] = targets[0] with { Event = e with { Traits = traits } };
            }

            return;
        }

        var derived = e with
        {
            MessageId = $"{e.MessageId}:{Wire.Name(kind)}:{id}",
            ProfileKind = kind,
            UserId = id,
            AnonymousId = null,
            Traits = traits ?? [],
        };
        targets.Add(new FanOutTarget(kind, id, derived));
    }

    private static JsonObject PassengerTraits(Passenger p)
    {
        var traits = new JsonObject { ["firstName"] = p.FirstName, ["lastName"] = p.LastName };
        if (p.Email is { } email)
        {
            traits["email"] = email;
        }

        if (p.BirthDate is { } birthDate)
        {
            traits["birthDate"] = birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return traits;
    }
}
