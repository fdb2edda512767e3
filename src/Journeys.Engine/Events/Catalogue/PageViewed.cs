namespace Journeys.Engine.Events.Catalogue;

/// <summary>
/// A page view, from a <c>page</c> call or a <c>track "Page Viewed"</c>. Every field is optional because
/// Segment SDKs send the URL either here or in <c>context.page</c>; what is sent must be well formed.
/// </summary>
public sealed record PageViewed(string? Url, string? Path, string? Title, string? Referrer) : EventProperties
{
    internal static PageViewed? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var url = r.Code("url", required: false, JsonFormats.IsAbsoluteUrl, Expect.Url);
        var path = r.String("path", required: false, maxLength: 2048);
        var title = r.String("title", required: false, maxLength: 500);
        var referrer = r.String("referrer", required: false, maxLength: 2048);
        return r.ErrorCount > mark ? null : new PageViewed(url, path, title, referrer);
    }
}
