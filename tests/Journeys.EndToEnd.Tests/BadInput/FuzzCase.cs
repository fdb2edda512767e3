namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>One request the fuzzer sends, and what the gateway must answer to it.</summary>
public sealed record FuzzCase(string Kind, string Mutation, string Route, byte[] Body, Expectation Expected)
{
    public HttpMethod Method { get; init; } = HttpMethod.Post;
    public string? ContentType { get; init; } = "application/json";

    /// <summary>The whole Authorization header, or null to send none.</summary>
    public string? Authorization { get; init; }

    /// <summary>Sent without Content-Length, so the gateway learns the size only while reading.</summary>
    public bool Chunked { get; init; }

    /// <summary>The messageIds in the body: all in the journal when accepted, none when rejected.</summary>
    public IReadOnlyList<string> MessageIds { get; init; } = [];

    /// <summary>The journey a draft request names: saved when accepted, unknown when rejected.</summary>
    public string? JourneyId { get; init; }
}
