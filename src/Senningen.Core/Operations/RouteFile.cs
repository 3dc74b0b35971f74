using System.Globalization;
using System.Text.Json;
using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Treaty;

namespace Senningen.Core.Operations;

/// <summary>
/// Reads a route file (<c>data/routes/*.json</c>, described in <c>data/routes/README.md</c>). Pure: the caller reads the
/// file, so the CLI and the node's demo share one parser and one set of rules.
/// </summary>
public static class RouteFile
{
    private const int MaxWaypoints = 20_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The route, or the first problem found, naming the field.</summary>
    public static RouteParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RouteDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<RouteDocument>(json, Json);
        }
        catch (JsonException e)
        {
            return RouteParseResult.Failure($"not a route file: {e.Message}");
        }

        if (doc is null)
        {
            return RouteParseResult.Failure("not a route file: empty");
        }

        return Validate(doc);
    }

    private static RouteParseResult Validate(RouteDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Id) || !doc.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return RouteParseResult.Failure("id: lower-case letters, digits and dashes");
        }

        if (!CountryCode.TryParseParty(doc.HomeCountry, out var home))
        {
            return RouteParseResult.Failure("homeCountry: BE, NL or LU");
        }

        if (Text(doc.Name, "name", out var problem) is not { } name ||
            Text(doc.Suspect, "suspect", out problem) is not { } suspect ||
            Text(doc.Reason, "reason", out problem) is not { } reason)
        {
            return RouteParseResult.Failure(problem!);
        }

        if (doc.Unit is not { CallSign: { Length: > 0 } callSign, Vehicle: { Length: > 0 } vehicle } unit || string.IsNullOrWhiteSpace(callSign))
        {
            return RouteParseResult.Failure("unit: needs callSign and vehicle");
        }

        if (doc.SpeedKmh is not (> 0 and <= 250))
        {
            return RouteParseResult.Failure("speedKmh: more than 0 and at most 250");
        }

        if (doc.Waypoints is not { Count: >= 2 and <= MaxWaypoints } raw)
        {
            return RouteParseResult.Failure(string.Create(CultureInfo.InvariantCulture, $"waypoints: between 2 and {MaxWaypoints} [lat, lon] pairs"));
        }

        var waypoints = new GeoPoint[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] is not { Length: 2 } pair || !GeoPoint.TryCreate(pair[0], pair[1], out var point))
            {
                return RouteParseResult.Failure(string.Create(CultureInfo.InvariantCulture, $"waypoints[{i}]: not a [lat, lon] pair in WGS84 degrees"));
            }

            waypoints[i] = point.Value;
        }

        return RouteParseResult.Success(new PursuitRoute(
            doc.Id,
            name,
            home,
            string.IsNullOrWhiteSpace(doc.HomeZone) ? null : doc.HomeZone.Trim(),
            new RouteUnit(callSign.Trim(), vehicle.Trim(), unit.Officers is > 0 and < 100 ? unit.Officers.Value : 2),
            doc.Vehicles?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray() ?? [],
            suspect,
            reason,
            doc.SpeedKmh.Value,
            waypoints));
    }

    private static LocalizedText? Text(Dictionary<string, string?>? texts, string field, out string? problem)
    {
        foreach (var language in Language.All)
        {
            if (texts is null || !texts.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
            {
                problem = $"{field}.{language}: missing";
                return null;
            }
        }

        problem = null;
        return new LocalizedText(texts![Language.Dutch]!.Trim(), texts[Language.French]!.Trim(), texts[Language.German]!.Trim(), texts[Language.English]!.Trim());
    }

    private sealed record RouteDocument(
        string? Id,
        Dictionary<string, string?>? Name,
        string? HomeCountry,
        string? HomeZone,
        UnitDocument? Unit,
        List<string?>? Vehicles,
        Dictionary<string, string?>? Suspect,
        Dictionary<string, string?>? Reason,
        double? SpeedKmh,
        List<double[]?>? Waypoints);

    private sealed record UnitDocument(string? CallSign, string? Vehicle, int? Officers);
}

/// <summary>Either a route or the problem that prevents one; never both.</summary>
public sealed class RouteParseResult
{
    private RouteParseResult(PursuitRoute? route, string? problem)
    {
        Route = route;
        Problem = problem;
    }

    public PursuitRoute? Route { get; }

    public string? Problem { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Route))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Route is not null;

    internal static RouteParseResult Success(PursuitRoute route) => new(route, null);

    internal static RouteParseResult Failure(string problem) => new(null, problem);
}
