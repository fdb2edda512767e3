using System.Text.Json;
using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>Builds the field source a journey condition sees: the profile, one event and the instance context.</summary>
public static class FieldSources
{
    public static IFieldSource For(ProfileView profile, JourneyEvent? @event, JsonElement context) =>
        new JsonFieldSource(
            profile.Traits,
            profile.Computed,
            @event is null ? default : JsonSerializer.SerializeToElement(@event, EngineJson.Options),
            context);
}
