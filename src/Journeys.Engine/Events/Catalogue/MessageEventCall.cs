using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Journeys.Engine.Events.Catalogue;

/// <summary>
/// The track call the engine makes of what became of one of its messages (opened, clicked,
/// unsubscribed, bounced). Its message id is derived from <c>idSeed</c>, so the same happening
/// reported twice (a pixel loaded twice, a bounce retried after a crash) is one event.
/// </summary>
public static class MessageEventCall
{
    public static JsonObject Track(string eventName, string profileKind, string profileId, string idSeed, JsonObject properties) => new()
    {
        ["messageId"] = "trk-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idSeed)))[..40],
        ["userId"] = profileId,
        ["profileKind"] = profileKind,
        ["event"] = eventName,
        ["properties"] = properties,
    };
}
