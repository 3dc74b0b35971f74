using System.Globalization;
using System.Text.RegularExpressions;

namespace Senningen.Node.Common.Live;

/// <summary>One event of a stream: its position in the feed (the event id), its type (<c>event:</c>) and what it carries as JSON (<c>data:</c>).</summary>
public sealed record StreamEvent(long Position, string Type, object Data);

/// <summary>
/// What a capability streams: the items of its <see cref="IStreamFeed"/> after a position that the current officer may see
/// (the same need to know as its list), in position order, and the audit entry for those about to be sent, written as
/// its list writes one.
/// </summary>
public interface IEventSource
{
    /// <summary>The stream's name in the audit log (<c>stream:alerts</c>).</summary>
    string Name { get; }

    /// <summary>The <see cref="IStreamFeed.Name"/> whose positions this stream follows (for the current officer).</summary>
    string Feed { get; }

    Task<IReadOnlyList<StreamEvent>> AfterAsync(long after, int max, CancellationToken ct);

    Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct);
}

/// <summary>The event ids a stream accepts in <c>Last-Event-ID</c>.</summary>
public static partial class StreamEventIds
{
    /// <summary>A position this node sends: decimal digits, at least 1.</summary>
    public static bool TryParse(string text, out long position) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out position) && position > 0;

    /// <summary>
    /// An id of the streams before positions (a stored-at moment in milliseconds and a GUID): a client that kept one
    /// across the upgrade is told <c>gap</c>, as for one too old to replay.
    /// </summary>
    public static bool IsFormer(string text) => FormerId().IsMatch(text);

    [GeneratedRegex("^[0-9]{1,15}-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormerId();
}
