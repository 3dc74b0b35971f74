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
    private int _heldPosts;

    private HoldingProxy(int target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Requests received and left unanswered.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>
    /// POSTs among them: a node's deliveries. A node also fetches its partner's key set (a GET) at start and again on its
    /// own schedule, so <see cref="Held"/> alone does not say a message is being sent.
    /// </summary>
    public int HeldPosts => Volatile.Read(ref _heldPosts);

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
            var start = new byte[4];
            var read = 0;
            while (read < start.Length && await client.GetStream().ReadAsync(start.AsMemory(read), _stop.Token) is > 0 and var n)
            {
                read += n;
            }

            if (read > 0)
            {
                Interlocked.Increment(ref _held);
            }

            if (read == start.Length && start.AsSpan().SequenceEqual("POST"u8))
            {
                Interlocked.Increment(ref _heldPosts);
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
