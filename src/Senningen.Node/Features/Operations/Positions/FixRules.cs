using Senningen.Contracts.Operations;
using Senningen.Core.Geo;
using Senningen.Core.Operations;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>A refused fix: what the sender is told, and the reason it is counted under on the operation (<see cref="RefusalReasons"/>).</summary>
internal sealed record Refusal(RejectedFix Fix, string Reason);

/// <summary>Why fixes are refused, as counted on the operation and shown as <c>ops.refused.reason.{reason}</c>.</summary>
internal static class RefusalReasons
{
    public const string Missing = "missing";
    public const string Unit = "unit";
    public const string Position = "position";
    public const string Future = "future";
    public const string BeforeStart = "before-start";
    public const string Speed = "speed";
    public const string Heading = "heading";
    public const string Accuracy = "accuracy";

    public static IReadOnlyList<string> All { get; } = [Missing, Unit, Position, Future, BeforeStart, Speed, Heading, Accuracy];
}

/// <summary>Checks fixes one by one: a bad fix is reported with its index and the rest of the batch is kept.</summary>
internal static class FixRules
{
    /// <summary>The fastest a tracked car is believed to go; a faster fix is bad GPS (or a bad replay), not a pursuit.</summary>
    public const double MaxSpeedKmh = 500;

    /// <summary>A compass heading in degrees.</summary>
    public const double MaxHeading = 360;

    /// <summary>The worst accuracy a fix may claim, in metres: worse is no position at all.</summary>
    public const double MaxAccuracyMetres = 100_000;

    private const double MaxLat = GeoPoint.MaxLatitude;
    private const double MaxLon = GeoPoint.MaxLongitude;

    /// <summary>The rules below that the OpenAPI document can state, from the same constants.</summary>
    public static readonly SchemaLimit[] Limits =
    [
        SchemaLimit.Range<PositionFixInput>("lat", -MaxLat, MaxLat),
        SchemaLimit.Range<PositionFixInput>("lon", -MaxLon, MaxLon),
        SchemaLimit.Range<PositionFixInput>("speed", 0, MaxSpeedKmh),
        SchemaLimit.Range<PositionFixInput>("heading", 0, MaxHeading),
        SchemaLimit.Range<PositionFixInput>("accuracy", 0, MaxAccuracyMetres),
    ];

    /// <summary>The times a fix may carry: from the operation's start to now, both with the tolerance for clock drift.</summary>
    public static (DateTimeOffset Earliest, DateTimeOffset Latest) Window(DateTimeOffset startedAt, DateTimeOffset now, TimeSpan tolerance) =>
        (startedAt - tolerance, now + tolerance);

    public static PositionFix? Check(int index, PositionFixInput? input, IReadOnlyDictionary<string, string> callSigns,
        DateTimeOffset earliest, DateTimeOffset latest, Texts texts, List<Refusal> rejected)
    {
        Refusal Reject(string field, string key, params object?[] args) =>
            new(new RejectedFix(index, field, texts[key, [field, .. args]]), ReasonOf(field, key));

        var problem = input switch
        {
            null => Reject("fixes", "rule.required"),
            { Unit: null or "" } => Reject("unit", "rule.required"),
            _ when !callSigns.ContainsKey(input.Unit.Trim()) => Reject("unit", "rule.unknown-unit"),
            { Lat: null } => Reject("lat", "rule.required"),
            { Lon: null } => Reject("lon", "rule.required"),
            { Lat: var lat } when !double.IsFinite(lat.Value) || lat is < -MaxLat or > MaxLat => Reject("lat", "rule.number-range", -MaxLat, MaxLat),
            { Lon: var lon } when !double.IsFinite(lon.Value) || lon is < -MaxLon or > MaxLon => Reject("lon", "rule.number-range", -MaxLon, MaxLon),
            { Time: null } => Reject("time", "rule.required"),
            { Time: var t } when t > latest => Reject("time", "rule.fix-in-future"),
            { Time: var t } when t < earliest => Reject("time", "rule.fix-before-operation"),
            { Speed: { } s } when !double.IsFinite(s) || s is < 0 or > MaxSpeedKmh => Reject("speed", "rule.number-range", 0, MaxSpeedKmh),
            { Heading: { } h } when !double.IsFinite(h) || h is < 0 or > MaxHeading => Reject("heading", "rule.number-range", 0, MaxHeading),
            { Accuracy: { } a } when !double.IsFinite(a) || a is < 0 or > MaxAccuracyMetres => Reject("accuracy", "rule.number-range", 0, MaxAccuracyMetres),
            _ => null,
        };
        if (problem is not null)
        {
            rejected.Add(problem);
            return null;
        }

        // Millisecond precision is what is stored and deduplicated on.
        var time = UnixMillisecondsConverter.Truncate(input!.Time!.Value);
        return new PositionFix(callSigns[input.Unit!.Trim()], GeoPoint.From(input.Lat!.Value, input.Lon!.Value), time,
            input.Speed, input.Heading, input.Accuracy);
    }

    private static string ReasonOf(string field, string key) => (field, key) switch
    {
        (_, "rule.required") => RefusalReasons.Missing,
        (_, "rule.unknown-unit") => RefusalReasons.Unit,
        (_, "rule.fix-in-future") => RefusalReasons.Future,
        (_, "rule.fix-before-operation") => RefusalReasons.BeforeStart,
        ("speed", _) => RefusalReasons.Speed,
        ("heading", _) => RefusalReasons.Heading,
        ("accuracy", _) => RefusalReasons.Accuracy,
        _ => RefusalReasons.Position,
    };
}
