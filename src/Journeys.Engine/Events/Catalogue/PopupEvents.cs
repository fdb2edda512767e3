namespace Journeys.Engine.Events.Catalogue;

public sealed record PopupShown(string PopupId, string JourneyId) : EventProperties
{
    internal static PopupShown? Read(JsonObjectReader r) =>
        PopupFields.Read(r) is { } f ? new PopupShown(f.PopupId, f.JourneyId) : null;
}

public sealed record PopupClicked(string PopupId, string JourneyId, string? Url) : EventProperties
{
    internal static PopupClicked? Read(JsonObjectReader r) =>
        PopupFields.Read(r) is { } f ? new PopupClicked(f.PopupId, f.JourneyId, f.Url) : null;
}

public sealed record PopupDismissed(string PopupId, string JourneyId) : EventProperties
{
    internal static PopupDismissed? Read(JsonObjectReader r) =>
        PopupFields.Read(r) is { } f ? new PopupDismissed(f.PopupId, f.JourneyId) : null;
}

internal sealed record PopupFields(string PopupId, string JourneyId, string? Url)
{
    public static PopupFields? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var popupId = r.String("popupId", required: true);
        var journeyId = r.String("journeyId", required: true);
        var url = r.Code("url", required: false, JsonFormats.IsAbsoluteUrl, Expect.Url);
        return r.ErrorCount > mark ? null : new PopupFields(popupId!, journeyId!, url);
    }
}
