using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Anpr.Data;

internal static class StoredInstant
{
    /// <summary>
    /// The instant as its <c>…Ms</c> column gives it back: whole milliseconds at offset zero. For an entity that is
    /// shown, sent or matched before it is read back, so that it looks the same either way.
    /// </summary>
    public static DateTimeOffset AsStored(this DateTimeOffset instant) => UnixMillisecondsConverter.Truncate(instant);
}
