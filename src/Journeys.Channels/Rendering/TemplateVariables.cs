using Fluid;

namespace Journeys.Channels.Rendering;

/// <summary>What a message template may read; see <see cref="TemplateRenderer"/>.</summary>
public sealed record TemplateVariables(JsonElement Profile, JsonElement Event, JsonElement Context, string JourneyId, int Version, string NodeId)
{
    public JsonElement Traits => Member(Profile, "traits");

    internal TemplateContext ToContext()
    {
        var context = new TemplateContext();
        context.SetValue("profile", LiquidValues.From(Profile));
        context.SetValue("traits", LiquidValues.From(Traits));
        context.SetValue("computed", LiquidValues.From(Member(Profile, "computed")));
        context.SetValue("event", LiquidValues.From(Event));
        context.SetValue("context", LiquidValues.From(Context));
        context.SetValue("journey", new Dictionary<string, object?> { ["id"] = JourneyId, ["version"] = Version, ["node"] = NodeId });
        return context;
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}
