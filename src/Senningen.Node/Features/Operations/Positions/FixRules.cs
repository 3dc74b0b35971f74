using Senningen.Contracts.Operations;
using Senningen.Core.Geo;
using Senningen.Core.Operations;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>Checks fixes one by one: a bad fix is reported with its index and the rest of the batch is kept.</summary>
internal static class FixRules
{
    public static PositionFix? Check(int index, PositionFixInput? input, IReadOnlyDictionary<string, string> callSigns,
        DateTimeOffset earliest, DateTimeOffset latest, Texts texts, List<RejectedFix> rejected)
    {
        RejectedFix Reject(string field, string key, params object?[] args) =>
            new(index, field, texts[key, [field, .. args]]);

        var problem = input switch
        {
            null => Reject("fixes", "rule.required"),
            { Unit: null or "" } => Reject("unit", "rule.required"),
            _ when !callSigns.ContainsKey(input.Unit.Trim()) => Reject("unit", "rule.unknown-unit"),
            { Lat: null } => Reject("lat", "rule.required"),
            { Lon: null } => Reject("lon", "rule.required"),
            { Lat: var lat } when !double.IsFinite(lat.Value) || lat is < -90 or > 90 => Reject("lat", "rule.number-range", -90, 90),
            { Lon: var lon } when !double.IsFinite(lon.Value) || lon is < -180 or > 180 => Reject("lon", "rule.number-range", -180, 180),
            { Time: null } => Reject("time", "rule.required"),
            { Time: var t } when t > latest => Reject("time", "rule.fix-in-future"),
            { Time: var t } when t < earliest => Reject("time", "rule.fix-before-operation"),
            { Speed: { } s } when !double.IsFinite(s) || s is < 0 or > 500 => Reject("speed", "rule.number-range", 0, 500),
            { Heading: { } h } when !double.IsFinite(h) || h is < 0 or > 360 => Reject("heading", "rule.number-range", 0, 360),
            { Accuracy: { } a } when !double.IsFinite(a) || a is < 0 or > 100_000 => Reject("accuracy", "rule.number-range", 0, 100_000),
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
}
