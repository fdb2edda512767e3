using Journeys.Contracts.Profiles;
using Journeys.Gateway.Ingestion;
using Journeys.Storage.Devices;

namespace Journeys.Gateway.Messaging;

/// <summary>Mobile apps register their push token for a profile with the write key: <c>POST /v1/devices</c>.</summary>
public static class DeviceEndpoints
{
    private static readonly HashSet<string> Platforms = ["android", "ios", "web"];

    public sealed record DeviceRegistration(string? UserId, string? ProfileKind, string? Token, string? Platform);

    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/devices", async (HttpContext http, DeviceRegistration body, IngestionSettings options, IDeviceStore devices, CancellationToken ct) =>
        {
            var writeKey = WriteKeyAuthentication.ReadWriteKey(http.Request);
            if (writeKey is null || !options.WriteKeySet.Contains(writeKey))
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid write key is required as the HTTP Basic user name");
            }
            var kind = body.ProfileKind ?? ProfileKinds.Customer;
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.UserId))
            {
                errors["userId"] = ["is required"];
            }
            if (!ProfileKinds.IsKnown(kind))
            {
                errors["profileKind"] = [$"must be one of {string.Join(", ", ProfileKinds.All)}"];
            }
            if (string.IsNullOrWhiteSpace(body.Token) || body.Token.Length > 4096)
            {
                errors["token"] = ["is required, at most 4096 characters"];
            }
            if (body.Platform is null || !Platforms.Contains(body.Platform))
            {
                errors["platform"] = [$"must be one of {string.Join(", ", Platforms)}"];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The device registration has invalid fields; nothing was stored");
            }
            await devices.RegisterAsync(new DeviceToken(kind, body.UserId!, body.Token!, body.Platform!), ct);
            return Results.Ok(new { success = true });
        });
        return endpoints;
    }
}
