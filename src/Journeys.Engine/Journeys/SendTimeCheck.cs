namespace Journeys.Engine.Journeys;

/// <summary>
/// The checks a message passes again when the dispatcher is about to send it, because time has passed
/// since the step queued it: consent may have been withdrawn or the address bounced, quiet hours may have begun, other
/// journeys may have filled a frequency cap. Same rules as the step (<see cref="JourneyPolicies"/>).
/// </summary>
public static class SendTimeCheck
{
    /// <param name="otherSends">Sends of every journey other than this message, as the profile knows them.</param>
    public static SendDecision Evaluate(ProfileView profile, JourneyPolicies policies, Channel channel, string? topic, IReadOnlyList<SentMessage> otherSends, DateTimeOffset now)
    {
        if (profile.Unreachable(channel, topic) is { } unreachable)
        {
            return SendDecision.Suppress(unreachable);
        }

        var zone = profile.ResolveTimeZone();
        if (policies.QuietHours is { } quiet && quiet.Channels.Contains(channel) && LocalClock.IsQuiet(now, zone, quiet))
        {
            return SendDecision.Defer(LocalClock.NextTime(now, zone, quiet.End, []), "quietHours");
        }

        foreach (var cap in policies.FrequencyCaps.Where(cap => cap.Channel == channel))
        {
            if (otherSends.Count(s => s.Channel == channel && s.At > now - cap.Period) >= cap.Max)
            {
                return SendDecision.Suppress("frequencyCap");
            }
        }

        return SendDecision.Send;
    }
}
