namespace Journeys.Storage.Devices;

/// <summary>A mobile app's push token for one profile; <see cref="Platform"/> is <c>android</c>, <c>ios</c> or <c>web</c>.</summary>
public sealed record DeviceToken(string ProfileKind, string ProfileId, string Token, string Platform);
