using System.Text.Json;
using Journeys.Engine.Journeys;
using Journeys.Grains.Visitors;

namespace Journeys.Cluster.Tests.Visitors;

/// <summary>Parsed templates are shared between renders; what each render shows is its own profile's.</summary>
public sealed class PopupRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_template_rendered_for_two_profiles_shows_each_its_own_values()
    {
        var template = new MessageTemplate { Subject = "Hello {{ traits.name }}", Body = "<p>{{ traits.name }}, your road is {{ context.road }}</p>" };

        var ann = PopupRenderer.Render(Popup(template, """{"road":"M12"}"""), "customer", "ann", Json("""{"name":"Ann"}"""), default, Now);
        var bob = PopupRenderer.Render(Popup(template, """{"road":"M4"}"""), "customer", "bob", Json("""{"name":"<Bob>"}"""), default, Now);

        Assert.Equal(("Hello Ann", "<p>Ann, your road is M12</p>"), (ann.Title, ann.BodyHtml));
        Assert.Equal(("Hello <Bob>", "<p>&lt;Bob&gt;, your road is M4</p>"), (bob.Title, bob.BodyHtml));
    }

    [Fact]
    public void A_template_Fluid_refuses_is_shown_as_written_every_time()
    {
        var template = new MessageTemplate { Subject = "Hi", Body = "<p>{% if %}</p>" };

        var first = PopupRenderer.Render(Popup(template, "{}"), "customer", "ann", Json("{}"), default, Now);
        var second = PopupRenderer.Render(Popup(template, "{}"), "customer", "ann", Json("{}"), default, Now);

        Assert.Equal("<p>{% if %}</p>", first.BodyHtml);
        Assert.Equal(first.BodyHtml, second.BodyHtml);
    }

    private static ShowPopup Popup(MessageTemplate template, string context) => new()
    {
        Template = template,
        Context = JsonDocument.Parse(context).RootElement,
        JourneyId = "greeting",
        Version = 1,
        DedupeKey = $"greeting:{context}",
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
