using System.Net.Sockets;

namespace Senningen.Cli.Http;

/// <summary>The node could not be reached at all; the message names the node and, in a few words, why.</summary>
internal sealed class NodeUnreachableException(NodeAddress node, Exception inner)
    : Exception($"cannot reach {node}: {Reason(inner)}", inner)
{
    private static string Reason(Exception exception)
    {
        if (exception is TaskCanceledException { InnerException: TimeoutException })
        {
            return "no answer in time";
        }

        return FindSocketException(exception)?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
            SocketError.TimedOut => "connection timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
            SocketError.ConnectionReset => "connection reset",
            _ => exception.Message.TrimEnd('.'),
        };
    }

    private static SocketException? FindSocketException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }
}
