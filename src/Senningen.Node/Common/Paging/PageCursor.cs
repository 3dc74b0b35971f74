using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Senningen.Node.Common.Paging;

/// <summary>Where a page ends in its list's order: a position (a time in ticks, or 0 for lists ordered by name) and an id.</summary>
public readonly record struct PageKey(long Position, string Id) : IComparable<PageKey>
{
    public int CompareTo(PageKey other)
    {
        var byPosition = Position.CompareTo(other.Position);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(Id, other.Id);
    }

    public static bool operator <(PageKey left, PageKey right) => left.CompareTo(right) < 0;

    public static bool operator >(PageKey left, PageKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(PageKey left, PageKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PageKey left, PageKey right) => left.CompareTo(right) >= 0;

    public static PageKey At(DateTimeOffset time, string id) => new(time.UtcTicks, id);

    public static PageKey Named(string id) => new(0, id);
}

/// <summary>
/// Makes the opaque <c>cursor</c> of a next link and reads it back. The data-protection API authenticates it (an HMAC
/// under the node's key ring, shared by its instances), so a cursor that was altered, made up, or issued for another
/// list or another user is refused as invalid; it carries an expiry, after which it is refused as expired.
/// </summary>
internal sealed class PageCursors(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Long enough to page through a list by hand; short enough that a leaked link is soon worthless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public enum Verdict
    {
        Valid,
        Invalid,
        Expired,
    }

    private readonly IDataProtector _protector = protection.CreateProtector("Senningen.Paging.Cursor.v1");

    public string Write(string list, string user, PageKey after)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeMilliseconds();
        return _protector.Protect(string.Join('\n', list, user, after.Position.ToString(CultureInfo.InvariantCulture), after.Id,
            expires.ToString(CultureInfo.InvariantCulture)));
    }

    public Verdict Read(string cursor, string list, string user, out PageKey after)
    {
        after = default;
        string plain;
        try
        {
            plain = _protector.Unprotect(cursor);
        }
        catch (CryptographicException)
        {
            return Verdict.Invalid;
        }
        catch (FormatException)
        {
            return Verdict.Invalid;
        }

        var parts = plain.Split('\n');
        if (parts.Length != 5 || parts[0] != list || parts[1] != user
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position)
            || !long.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return Verdict.Invalid;
        }

        if (clock.GetUtcNow().ToUnixTimeMilliseconds() >= expires)
        {
            return Verdict.Expired;
        }

        after = new PageKey(position, parts[3]);
        return Verdict.Valid;
    }
}
