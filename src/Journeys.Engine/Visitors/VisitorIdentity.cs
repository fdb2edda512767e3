using Journeys.Engine.Events;

namespace Journeys.Engine.Visitors;

/// <summary>What a verified visitor token proves: this connection may receive this profile's popups until <see cref="ExpiresAt"/>.</summary>
public sealed record VisitorIdentity(string Site, ProfileKind Kind, string ProfileId, DateTimeOffset ExpiresAt);
