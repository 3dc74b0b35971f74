using System.Net;
using System.Net.Sockets;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// A partner that does not answer, then does: a loopback TCP proxy that first holds every connection it accepts (reads
/// the request, never answers, like a partner hung mid-request), and after <see cref="Forward"/> passes new connections on
/// to the real partner.
/// </summary>
internal sealed class HoldingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly int _target;
    private readonly Task _accepting;
    private volatile bool _forwarding;
    private int _held;

    private HoldingProxy(int target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Requests received and left unanswered.</summary>
    public int Held => Volatile.Read(ref _held);

    public static HoldingProxy Start(Uri target) => new(target.Port);

    public void Forward() => _forwarding = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                _ = _forwarding ? ForwardAsync(client) : HoldAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private async Task HoldAsync(TcpClient client)
    {
        try
        {
            if (await client.GetStream().ReadAsync(new byte[1], _stop.Token) > 0)
            {
                Interlocked.Increment(ref _held);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The caller went away, or the proxy was disposed.
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        try
        {
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            var (from, to) = (client.GetStream(), upstream.GetStream());
            await Task.WhenAny(from.CopyToAsync(to, _stop.Token), to.CopyToAsync(from, _stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Either side closed.
        }
        finally
        {
            client.Dispose();
        }
    }
}
