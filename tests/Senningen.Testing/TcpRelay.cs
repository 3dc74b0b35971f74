using System.Net;
using System.Net.Sockets;

namespace Senningen.Testing;

/// <summary>
/// A loopback TCP relay in front of a server (the test PostgreSQL), so a test can take the server away from a running
/// node — every connection cut, new ones refused — and bring it back on the same port, without touching the server.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _accepting = Task.CompletedTask;

    private TcpRelay(IPEndPoint target) => _target = target;

    public int Port { get; private set; }

    /// <summary>Starts relaying from a free loopback port to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static TcpRelay Start(string host, int port)
    {
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var relay = new TcpRelay(new IPEndPoint(address, port));
        relay.Open(0);
        return relay;
    }

    /// <summary>Takes the server away: the listener closes and every relayed connection is reset.</summary>
    public async Task CutAsync()
    {
        _stop?.Cancel();
        _listener?.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // A reset, as from a dead server, not an orderly close; a pump may have closed this side already.
                if (client.Client is { Connected: true } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                client.Dispose();
            }

            _open.Clear();
        }

        _listener = null;
    }

    /// <summary>Brings the server back on the same port.</summary>
    public void Restore() => Open(Port);

    public async ValueTask DisposeAsync() => await CutAsync();

    private void Open(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _accepting = AcceptAsync(listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The other side, or CutAsync, closed the connection.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
