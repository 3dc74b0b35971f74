using System.Globalization;

namespace Senningen.Node.Common.Live;

/// <summary>
/// Where an item stands in its stream: the moment it was stored at this node (to the millisecond, as the store keeps it)
/// and its id for items of the same millisecond. Sent as the event id (<c>1767780000123-0f1e…</c>), so a client that
/// reconnects with <c>Last-Event-ID</c> resumes after exactly that item.
/// </summary>
public readonly record struct StreamKey(DateTimeOffset At, Guid Id) : IComparable<StreamKey>
{
    public static StreamKey Before(DateTimeOffset at) => new(DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), Guid.Empty);

    public int CompareTo(StreamKey other) => At != other.At ? At.CompareTo(other.At) : Id.CompareTo(other.Id);

    public static bool operator <(StreamKey left, StreamKey right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamKey left, StreamKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamKey left, StreamKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamKey left, StreamKey right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Id:N}";

    public static bool TryParse(string? text, out StreamKey key)
    {
        key = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash < 1 || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() || !Guid.TryParseExact(text.AsSpan(dash + 1), "N", out var id))
        {
            return false;
        }

        key = new StreamKey(DateTimeOffset.FromUnixTimeMilliseconds(ms), id);
        return true;
    }
}

/// <summary>One event of a stream: its key (the event id), its type (<c>event:</c>) and what it carries as JSON (<c>data:</c>).</summary>
public sealed record StreamEvent(StreamKey Key, string Type, object Data);

/// <summary>
/// What a capability streams: the items after a key that the current officer may see (the same need to know as its list),
/// oldest first, and the audit entry for those about to be sent, written as its list writes one.
/// </summary>
public interface IEventSource
{
    /// <summary>The stream's name in the audit log (<c>stream:alerts</c>).</summary>
    string Name { get; }

    Task<IReadOnlyList<StreamEvent>> AfterAsync(StreamKey after, int max, CancellationToken ct);

    Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct);
}
