using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>An instant property kept in its Unix-milliseconds column (the column keeps the name it had as a long).</summary>
internal static class MillisecondColumns
{
    public static PropertyBuilder<DateTimeOffset> Ms(this PropertyBuilder<DateTimeOffset> property, string column) =>
        property.HasColumnName(column).HasConversion<UnixMillisecondsConverter>();

    public static PropertyBuilder<DateTimeOffset?> Ms(this PropertyBuilder<DateTimeOffset?> property, string column) =>
        property.HasColumnName(column).HasConversion<UnixMillisecondsConverter>();
}
