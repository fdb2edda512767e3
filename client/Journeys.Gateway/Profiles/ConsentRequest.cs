using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Gateway.Profiles;

/// <summary>Body of <c>POST /api/profiles/{kind}/{id}/consent</c>; a null channel means the topic on every channel.</summary>
public sealed record ConsentRequest(string? Channel, string? Topic, bool? Granted, string? Source)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Channel is not null && !Wire.TryParse<MessageChannel>(Channel, out _))
        {
            errors["$.channel"] = [$"'{Channel}' is not one of {string.Join(", ", Enum.GetValues<MessageChannel>().Select(c => Wire.Name(c)))}"];
        }
        if (Channel is null && Topic is null)
        {
            errors["$.channel"] = ["give a channel, a topic, or both"];
        }
        if (Granted is null)
        {
            errors["$.granted"] = ["is required: true or false"];
        }
        return errors;
    }
}
