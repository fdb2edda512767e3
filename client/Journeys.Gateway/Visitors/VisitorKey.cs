using System.Security.Claims;
using Journeys.Engine.Events;
using Journeys.Engine.Visitors;

namespace Journeys.Gateway.Visitors;

/// <summary>The profile a visitor connection was proven to be, by its token.</summary>
public readonly record struct VisitorKey(string Kind, string Id)
{
    private const string KindClaim = "journeys:profileKind";
    private const string IdClaim = "journeys:profileId";

    /// <summary>The SignalR group of the profile's connections on this gateway.</summary>
    public string Group => $"{Kind}/{Id}";

    public static VisitorKey Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(KindClaim) ?? throw new InvalidOperationException("not a visitor connection"),
            user.FindFirstValue(IdClaim) ?? throw new InvalidOperationException("not a visitor connection"));

    public static IEnumerable<Claim> ClaimsOf(VisitorIdentity identity) =>
        [new(KindClaim, Wire.Name(identity.Kind)), new(IdClaim, identity.ProfileId)];
}
