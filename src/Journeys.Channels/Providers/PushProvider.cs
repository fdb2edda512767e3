using Journeys.Storage.Devices;

namespace Journeys.Channels.Providers;

/// <summary>
/// FCM HTTP v1, one request per registered device token of the profile. A token FCM answers
/// <c>UNREGISTERED</c> for (the app was uninstalled, the token rotated) is forgotten and the other
/// devices still get the message; with none left the message fails for good. Each device's outcome is
/// recorded as it happens (<see cref="IDeviceStore.RecordSendAsync"/>): when some devices fail for a
/// while the message is retried, and the retry goes only to the devices that have not had it.
/// </summary>
public sealed class PushProvider(HttpClient http, PushSettings settings, IDeviceStore devices, ILogger<PushProvider> logger) : IMessageProvider
{
    public string Channel => "push";

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var tokens = await devices.ForProfileAsync(message.ProfileKind, message.ProfileId, cancellationToken);
        if (tokens.Count == 0)
        {
            throw new DeliveryException("the profile has no registered device", permanent: true);
        }
        var earlier = await devices.SendsAsync(message.DeliveryId, cancellationToken);
        var pending = tokens.Where(d => !earlier.ContainsKey(d.Token)).ToList();
        var url = new Uri($"{settings.BaseUrl.TrimEnd('/')}/v1/projects/{settings.ProjectId}/messages:send");
        var sent = tokens.Count(d => earlier.TryGetValue(d.Token, out var failure) && failure is null);
        var unregistered = 0;
        var failedForGood = new List<string>();
        DeliveryException? retryable = null;
        foreach (var device in pending)
        {
            try
            {
                await SendToAsync(url, device, message, cancellationToken);
                sent++;
                await devices.RecordSendAsync(message.DeliveryId, device.Token, failure: null, cancellationToken);
            }
            catch (DeliveryException ex) when (IsUnregistered(ex))
            {
                await devices.RemoveAsync(device, cancellationToken);
                unregistered++;
                logger.LogInformation("Push token of {ProfileKind} {ProfileId} ({Platform}) unregistered at FCM: forgotten", message.ProfileKind, message.ProfileId, device.Platform);
            }
            catch (DeliveryException ex) when (ex.Permanent)
            {
                failedForGood.Add(ex.Message);
                await devices.RecordSendAsync(message.DeliveryId, device.Token, ex.Message, cancellationToken);
            }
            catch (DeliveryException ex)
            {
                // The other devices still get it now; this one with the retry.
                retryable ??= ex;
            }
        }
        if (retryable is not null)
        {
            throw new DeliveryException($"{retryable.Message} ({sent} of {tokens.Count} devices have the message and are not sent it again)", permanent: false, retryable);
        }
        if (sent > 0)
        {
            return;
        }
        throw unregistered == tokens.Count
            ? new DeliveryException($"every registered device ({unregistered}) is unregistered at FCM; their tokens were removed", permanent: true)
            : new DeliveryException($"no device took the message: {string.Join("; ", failedForGood.Concat(earlier.Values.OfType<string>()).Distinct())}", permanent: true);
    }

    private Task SendToAsync(Uri url, DeviceToken device, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var body = new
        {
            message = new
            {
                token = device.Token,
                notification = new { title = message.Subject, body = message.Body },
                data = new { deliveryId = message.DeliveryId, journeyId = message.JourneyId },
            },
        };
        return HttpProviderCall.PostJsonAsync(http, url, body, $"{message.DeliveryId}/{device.Token}", cancellationToken, request =>
        {
            if (settings.AccessToken is { Length: > 0 } token)
            {
                request.Headers.Authorization = new("Bearer", token);
            }
        });
    }

    /// <summary>FCM v1 answers 404 with <c>error.details[].errorCode</c> <c>UNREGISTERED</c> for a token it no longer knows.</summary>
    private static bool IsUnregistered(DeliveryException ex)
    {
        if (ex.StatusCode != 404 || ex.Answer is not { Length: > 0 } answer)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
                && details.EnumerateArray().Any(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("errorCode", out var code) && code.ValueEquals("UNREGISTERED"));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
