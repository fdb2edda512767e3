using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluid;
using Journeys.Contracts.Visitors;
using Journeys.Engine.Journeys;
using Journeys.Engine.Running;

namespace Journeys.Grains.Visitors;

/// <summary>
/// Renders a journey's popup template (Liquid) with the profile's traits and computed properties,
/// the instance context and the journey. Values in the body are HTML-encoded; the title is text.
/// </summary>
public static class PopupRenderer
{
    /// <summary>How long a popup nobody has seen waits for the next visit when its node sets no expiry.</summary>
    public static readonly TimeSpan DefaultPendingFor = TimeSpan.FromDays(1);

    /// <summary>Published journey versions never change, and a live journey renders the same few templates for every visitor.</summary>
    private const int ParsedTemplatesKept = 1000;

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate?> Parsed = new(StringComparer.Ordinal);

    // Built once: a fresh TemplateOptions registers every built-in filter, which cost more than the rendering itself.
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    /// <param name="traits">The profile's traits and <paramref name="computed"/> properties as JSON (<see cref="ProfileViews.ConditionInputs"/>).</param>
    public static PopupMessage Render(ShowPopup command, string profileKind, string profileId, JsonElement traits, JsonElement computed, DateTimeOffset now)
    {
        var model = new Dictionary<string, object?>
        {
            ["profile"] = new Dictionary<string, object?> { ["id"] = profileId, ["kind"] = profileKind },
            ["traits"] = Plain(traits),
            ["computed"] = Plain(computed),
            ["context"] = Plain(command.Context),
            ["journey"] = new Dictionary<string, object?> { ["id"] = command.JourneyId, ["version"] = command.Version },
        };
        var context = new TemplateContext(model, Options);
        return new PopupMessage(
            IdOf(command.DedupeKey),
            command.JourneyId,
            command.Version,
            command.DedupeKey,
            Render(command.Template.Subject, context, NullEncoder.Default),
            Render(command.Template.Body, context, HtmlEncoder.Default),
            command.ExpiresAt ?? now + DefaultPendingFor);
    }

    /// <summary>A short id that is the same for every replay of the step (the dedupe key holds ids the page need not see).</summary>
    public static string IdOf(string dedupeKey) =>
        "pop-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)).AsSpan(0, 12));

    private static string Render(string? template, TemplateContext context, TextEncoder encoder)
    {
        if (string.IsNullOrEmpty(template))
        {
            return "";
        }
        // Journey validation checked the template when it was published; a template Fluid still
        // refuses is shown as written rather than losing the popup.
        return ParseOnce(template) is { } parsed ? parsed.Render(context, encoder) : template;
    }

    private static IFluidTemplate? ParseOnce(string template)
    {
        if (Parsed.TryGetValue(template, out var parsed))
        {
            return parsed;
        }
        if (Parsed.Count >= ParsedTemplatesKept)
        {
            // Templates of archived versions pile up only over months of publishing; starting over is cheap.
            Parsed.Clear();
        }
        return Parsed[template] = Parser.TryParse(template, out var fresh, out _) ? fresh : null;
    }

    private static object? Plain(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => json.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetDecimal(out var number) ? number : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
