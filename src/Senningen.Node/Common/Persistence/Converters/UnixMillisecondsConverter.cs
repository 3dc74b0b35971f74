using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Senningen.Node.Common.Persistence.Converters;

/// <summary>
/// An instant kept in a <c>…Ms</c> column: a 64-bit integer of milliseconds since the Unix epoch, read back at offset
/// zero. Comparisons and ordering translate to the integer column; a nullable property keeps its nulls.
/// </summary>
public sealed class UnixMillisecondsConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
