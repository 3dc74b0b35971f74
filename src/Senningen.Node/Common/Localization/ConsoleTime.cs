using System.Globalization;

namespace Senningen.Node.Common.Localization;

/// <summary>
/// Times on the console are Benelux wall-clock time (one zone for BE, NL and LU): an interactive server page
/// does not know the browser's zone, and the DPO compares entries with events reported in local time.
/// </summary>
internal static class ConsoleTime
{
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Local;

    public static string Show(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("G", CultureInfo.CurrentCulture);

    /// <summary>A datetime-local value read as Benelux wall-clock time, in the ISO 8601 form the audit query parses.</summary>
    public static string? ToIso(DateTime? local)
    {
        if (local is not { } wallClock)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToString("O", CultureInfo.InvariantCulture);
    }
}
