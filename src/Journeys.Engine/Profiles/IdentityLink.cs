using Journeys.Engine.Events;

namespace Journeys.Engine.Profiles;

/// <summary>
/// An instruction to fold the profile <see cref="AnonymousId"/> into <see cref="KnownId"/>
/// (with <see cref="CustomerReducer.Merge"/>), found in an alias call or any customer event that
/// carries both a userId and an anonymousId, as Segment links them.
/// </summary>
public sealed record IdentityLink(string KnownId, string AnonymousId)
{
    public static IdentityLink? Find(EventEnvelope e)
    {
        if (e.ProfileKind != ProfileKind.Customer || e.UserId is not { } userId)
        {
            return null;
        }

        var other = e.Type == EventType.Alias ? e.PreviousId : e.AnonymousId;
        return other is not null && other != userId ? new IdentityLink(userId, other) : null;
    }
}
