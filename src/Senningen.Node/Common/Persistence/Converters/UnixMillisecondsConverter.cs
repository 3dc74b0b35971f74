using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>
/// An instant kept as a 64-bit integer of Unix milliseconds, as the exchange tables keep theirs, so that ordering and
/// range comparisons are the same on SQLite and PostgreSQL. Sub-millisecond ticks are not kept.
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    ms => DateTimeOffset.FromUnixTimeMilliseconds(ms))
{
    /// <summary>The instant as the column keeps it: for values that leave the node before they are read back.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
