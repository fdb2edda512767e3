using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Journeys.Channels.Tracking;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Journeys.Channels.Providers;

/// <summary>
/// E-mail over SMTP (MailKit). The HTML part gets click-tracking links and an open pixel; every message
/// has <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058 one-click). The Message-Id is
/// derived from the dedupe key, so a resend after a lost answer is recognisably the same message.
/// </summary>
public sealed partial class EmailProvider(EmailSettings settings, TrackingLinks links) : IMessageProvider
{
    public string Channel => "email";

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var address = message.Trait(settings.AddressTrait) ?? throw new DeliveryException($"the profile has no '{settings.AddressTrait}' trait", permanent: true);
        using var mime = Compose(message, address);
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
            if (settings.Username is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
            }
            await smtp.SendAsync(mime, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            throw new DeliveryException($"bounced: {(int)ex.StatusCode} {ex.Message}", permanent: true, ex, bouncedAddress: address);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.SenderNotAccepted && (int)ex.StatusCode >= 500)
        {
            // The relay refuses our sender: a setting to fix, not the recipient's address.
            throw new DeliveryException($"sender {settings.From} refused: {(int)ex.StatusCode} {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
        {
            throw new DeliveryException($"SMTP {settings.SmtpHost}:{settings.SmtpPort}: {ex.Message}", permanent: false, ex);
        }
    }

    private MimeMessage Compose(OutgoingMessage message, string address)
    {
        var delivery = new TrackedDelivery(message.ProfileKind, message.ProfileId, message.DeliveryId, message.JourneyId, Channel, message.Topic);
        var unsubscribe = links.Unsubscribe(delivery);
        var mime = new MimeMessage
        {
            Subject = message.Subject ?? "",
            MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.DeliveryId)))[..32]}@journeys",
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(address));
        mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var tracked = Link().Replace(message.Body, m => $"href=\"{WebUtility.HtmlEncode(links.Click(delivery, WebUtility.HtmlDecode(m.Groups[1].Value)).ToString())}\"");
        var html = $"{tracked}<p style=\"font-size:small\"><a href=\"{WebUtility.HtmlEncode(unsubscribe.ToString())}\">Unsubscribe</a></p><img src=\"{WebUtility.HtmlEncode(links.Pixel(delivery).ToString())}\" width=\"1\" height=\"1\" alt=\"\">";
        mime.Body = new BodyBuilder { HtmlBody = html, TextBody = $"{Tags().Replace(message.Body, "")}\n\nUnsubscribe: {unsubscribe}" }.ToMessageBody();
        return mime;
    }

    [GeneratedRegex("href=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
