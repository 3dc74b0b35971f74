namespace Senningen.Node.Common.Paging;

/// <summary>
/// The page a list endpoint was asked for, checked by <see cref="PagedFilter{TItem}"/> before the handler runs: the use
/// case asks its database for the <see cref="Fetch"/> items after <see cref="After"/> in the list's order (one more than
/// the limit, so the filter knows whether a next page exists without counting).
/// </summary>
public sealed record PageRequest(int Limit, PageKey? After)
{
    /// <summary>Where the shown page ended, when the use case's views do not carry their key (see <see cref="EndsAt"/>).</summary>
    public PageKey? End { get; private set; }

    /// <summary>Names the key of the page's last shown row, for a list whose views do not carry it; the next page starts after it.</summary>
    public void EndsAt(PageKey key) => End = key;

    public int Fetch => Limit + 1;

    /// <summary>The first page of <paramref name="limit"/> items: what the console asks for, and a call without paging.</summary>
    public static PageRequest First(int limit) => new(limit, null);

    /// <summary>How many of <paramref name="read"/> rows a person is shown (and the use case audits): the row past the limit is the pager's alone.</summary>
    public int Shown(int read) => Math.Min(read, Limit);

    /// <summary>The page the filter read for this request; the first page of <paramref name="fallback"/> items when none did.</summary>
    public static PageRequest Of(HttpContext http, int fallback)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<PageRequest>() ?? First(fallback);
    }
}
