using System.Globalization;

namespace Senningen.Node.Common.Configuration;

/// <summary>
/// Reads plain values (numbers, durations, flags) under one configuration prefix and collects every bad one as a
/// problem naming its full key, so that a node refuses to start with all of them listed at once. Empty means default.
/// </summary>
internal sealed class SettingReader(IConfiguration configuration, string prefix, List<string> problems)
{
    public long Number(string key, long fallback, long min, long max) =>
        Read(key, fallback, text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null,
            $"a whole number from {min} to {max}");

    public TimeSpan Duration(string key, TimeSpan fallback, bool zeroAllowed = false) =>
        Read(key, fallback,
            text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var v) && (v > TimeSpan.Zero || (zeroAllowed && v == TimeSpan.Zero)) ? v : null,
            $"a {(zeroAllowed ? "non-negative" : "positive")} duration such as 00:05:00 or 28.00:00:00");

    public bool Flag(string key, bool fallback) =>
        Read(key, fallback, text => bool.TryParse(text, out var v) ? v : null, "true or false");

    private T Read<T>(string key, T fallback, Func<string, T?> parse, string expected)
        where T : struct
    {
        var name = prefix.Length == 0 ? key : $"{prefix}:{key}";
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        problems.Add($"{name} = '{text}' is not valid: expected {expected}.");
        return fallback;
    }
}
