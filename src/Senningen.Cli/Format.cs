using System.Globalization;

namespace Senningen.Cli;

/// <summary>How <c>senn</c> shows values to people; invariant, because scripts read the same lines.</summary>
internal static class Format
{
    /// <summary>A moment in the local time zone of the machine, to the second, with its offset.</summary>
    public static string Moment(DateTimeOffset moment, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(moment, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string Roles(IEnumerable<string> roles) => string.Join(", ", roles);
}
