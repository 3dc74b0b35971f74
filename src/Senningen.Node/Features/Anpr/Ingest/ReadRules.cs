using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Observability;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>A read that passed every rule: its camera, the Core read to match (the plate first, then the alternatives) and what is stored.</summary>
internal sealed record CheckedRead(int Index, Camera Camera, PlateRead Read, Plate Plate, string? Country, double Confidence,
    IReadOnlyList<PlateCandidateInput?>? Candidates, double? Lat, double? Lon);

/// <summary>Checks reads one by one: a bad read is reported with its index, field and rule, and the rest of the batch is kept.</summary>
internal static class ReadRules
{
    /// <summary>A confidence is a probability.</summary>
    public const double MinConfidence = 0;

    public const double MaxConfidence = 1;

    private const double MaxLat = GeoPoint.MaxLatitude;
    private const double MaxLon = GeoPoint.MaxLongitude;

    /// <summary>The rules above that the OpenAPI document can state, from the same constants.</summary>
    public static readonly SchemaLimit[] Limits =
    [
        SchemaLimit.Range<PlateReadInput>("confidence", MinConfidence, MaxConfidence),
        SchemaLimit.Range<PlateReadInput>("lat", -MaxLat, MaxLat),
        SchemaLimit.Range<PlateReadInput>("lon", -MaxLon, MaxLon),
        SchemaLimit.Range<PlateCandidateInput>("confidence", MinConfidence, MaxConfidence),
    ];

    public static CheckedRead? Check(int index, PlateReadInput? input, IReadOnlyDictionary<string, Camera> cameras, AnprSettings settings,
        DateTimeOffset now, Texts texts, List<RejectedRead> rejected)
    {
        RejectedRead Reject(string field, string rule, string key, params object?[] args) =>
            new(index, field, rule, texts[key, [field, .. args]]);

        var plate = default(Plate);
        var camera = default(Camera);
        var problem = input switch
        {
            null => Reject("reads", Rules.Required, "rule.required"),
            { CameraId: null or "" } => Reject("cameraId", Rules.Required, "rule.required"),
            _ when !cameras.TryGetValue(input.CameraId.Trim(), out camera) => Reject("cameraId", Rules.OneOf, "rule.unknown-camera"),
            { Plate: null or "" } => Reject("plate", Rules.Required, "rule.required"),
            _ when !Plate.TryParse(input.Plate, CountryOf(input.Country), out plate) => Reject("plate", Rules.Format, "rule.plate"),
            { Country: { } c } when c.Trim().Length is < 2 or > 3 || !c.Trim().All(char.IsAsciiLetter) =>
                Reject("country", Rules.Format, "rule.plate-country"),
            { Confidence: { } conf } when conf is not (>= MinConfidence and <= MaxConfidence) => Reject("confidence", Rules.Range, "rule.number-range", MinConfidence, MaxConfidence),
            { ObservedAt: null } => Reject("observedAt", Rules.Required, "rule.required"),
            { ObservedAt: { } t } when t > now + settings.FutureTolerance => Reject("observedAt", Rules.Range, "rule.read-in-future"),
            { ObservedAt: { } t } when t < now - settings.MaxReadAge => Reject("observedAt", Rules.Range, "rule.read-too-old", settings.MaxReadAge.TotalDays),
            { Lat: { } lat } when !double.IsFinite(lat) || lat is < -MaxLat or > MaxLat => Reject("lat", Rules.Range, "rule.number-range", -MaxLat, MaxLat),
            { Lon: { } lon } when !double.IsFinite(lon) || lon is < -MaxLon or > MaxLon => Reject("lon", Rules.Range, "rule.number-range", -MaxLon, MaxLon),
            { Lat: null, Lon: not null } => Reject("lat", Rules.Required, "rule.required"),
            { Lat: not null, Lon: null } => Reject("lon", Rules.Required, "rule.required"),
            { Candidates.Count: var n } when n > settings.MaxCandidates => Reject("candidates", Rules.Range, "rule.list-size", 0, settings.MaxCandidates),
            _ => CandidateProblem(index, input.Candidates, texts),
        };
        if (problem is not null)
        {
            rejected.Add(problem);
            return null;
        }

        var confidence = input!.Confidence ?? 1;
        var all = new List<PlateCandidate>(1 + (input.Candidates?.Count ?? 0)) { PlateCandidate.From(plate.Text, confidence) };
        foreach (var candidate in input.Candidates ?? [])
        {
            all.Add(PlateCandidate.From(candidate!.Plate!, candidate.Confidence!.Value));
        }

        return new CheckedRead(index, camera!, PlateRead.From(input.ObservedAt!.Value, [.. all]), plate, input.Country?.Trim().ToUpperInvariant(),
            confidence, input.Candidates, input.Lat, input.Lon);
    }

    private static CountryCode CountryOf(string? text) => CountryCode.TryParse(text, out var code) ? code : default;

    private static RejectedRead? CandidateProblem(int index, IReadOnlyList<PlateCandidateInput?>? candidates, Texts texts)
    {
        for (var i = 0; i < (candidates?.Count ?? 0); i++)
        {
            var field = $"candidates[{i}]";
            var problem = candidates![i] switch
            {
                null => (Field: field, Rule: Rules.Required, Key: "rule.required", Args: Array.Empty<object?>()),
                { Plate: null or "" } => ($"{field}.plate", Rules.Required, "rule.required", []),
                { Plate: var p } when !Plate.TryParse(p, out _) => ($"{field}.plate", Rules.Format, "rule.plate", []),
                { Confidence: null } => ($"{field}.confidence", Rules.Required, "rule.required", []),
                { Confidence: var c } when c is not (>= MinConfidence and <= MaxConfidence) => ($"{field}.confidence", Rules.Range, "rule.number-range", [MinConfidence, MaxConfidence]),
                _ => default,
            };
            if (problem.Field is not null)
            {
                return new RejectedRead(index, problem.Field, problem.Rule, texts[problem.Key, [problem.Field, .. problem.Args]]);
            }
        }

        return null;
    }
}
