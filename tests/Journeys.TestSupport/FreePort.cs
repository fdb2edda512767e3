using System.Net;
using System.Net.Sockets;

namespace Journeys.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): a port the kernel hands out for port 0 is also what
    // the next outgoing connection of any process may take before our server binds it, which made
    // silos fail with "address already in use" when test projects ran side by side.
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Given = [];

    /// <summary>A TCP port nobody listens on right now, never the same twice in this process.</summary>
    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, Last);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            // Silos listen on every address, so the port must be free on all of them.
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
