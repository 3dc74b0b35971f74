using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>
/// An instant kept as milliseconds since the Unix epoch in a 64-bit integer column: the precision every provider stores
/// exactly, and a column that sorts and compares as a number on SQLite too.
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    instant => instant.ToUnixTimeMilliseconds(),
    milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
{
    /// <summary>The instant as the column keeps it, in whole milliseconds (UTC): what an entity should hold before it is saved.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
