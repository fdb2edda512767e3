using Journeys.Engine.Journeys;

namespace Journeys.Engine.Running;

public sealed record ProfileJourneysResult(ProfileJourneysState State, IReadOnlyList<JourneyCommand> Commands);
