using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Node.Common.Errors;

namespace Senningen.Node.Features.Operations.Start;

/// <summary>What a start request must satisfy; returns the home zone to use.</summary>
internal static class StartRules
{
    public const int MaxUnits = 20;
    public const int MaxVehicles = 10;

    public static string Check(RequestValidator v, StartOperationRequest request, ZoneDirectory zones, CountryCode home, DateTimeOffset now)
    {
        if (v.Required("type", request.Type))
        {
            v.OneOf("type", request.Type, OperationTypes.All);
        }

        CheckUnits(v, request.Units);
        if (request.Vehicles is { Count: > MaxVehicles })
        {
            v.Add("vehicles", Rules.Range, "rule.list-size", 0, MaxVehicles);
        }

        for (var i = 0; i < (request.Vehicles?.Count ?? 0); i++)
        {
            if (!v.Required($"vehicles[{i}]", request.Vehicles![i]))
            {
                continue;
            }

            v.MaxLength($"vehicles[{i}]", request.Vehicles[i], 100);
        }

        v.MaxLength("suspect", request.Suspect, 2000);
        if (v.Required("reason", request.Reason))
        {
            v.MaxLength("reason", request.Reason, 2000);
        }

        v.MaxLength("caseReference", request.CaseReference, 100);
        v.MaxLength("authorisationReference", request.AuthorisationReference, 200);
        if (request.Type == OperationTypes.ObservationPlanned)
        {
            v.Required("authorisationReference", request.AuthorisationReference);
        }

        if (request.AuthorisationDeadline is { } deadline && deadline <= now)
        {
            v.Add("authorisationDeadline", Rules.Range, "rule.in-future");
        }

        var zone = string.IsNullOrWhiteSpace(request.HomeZone) ? zones.DefaultZone(home) : request.HomeZone.Trim().ToUpperInvariant();
        if (zone is null)
        {
            v.Add("homeZone", Rules.Required, "rule.required");
            return "";
        }

        if (!zones.IsZoneOf(home, zone))
        {
            v.Add("homeZone", Rules.OneOf, "rule.one-of", string.Join(", ", zones.ZonesOf(home)));
        }

        return zone;
    }

    private static void CheckUnits(RequestValidator v, IReadOnlyList<OperationUnitInput>? units)
    {
        if (units is null || units.Count is 0 or > MaxUnits)
        {
            v.Add("units", Rules.Range, "rule.list-size", 1, MaxUnits);
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var field = $"units[{i}].callSign";
            if (unit is null || !v.Required(field, unit.CallSign))
            {
                continue;
            }

            v.MaxLength(field, unit.CallSign, 50);
            if (!seen.Add(unit.CallSign!.Trim()))
            {
                v.Add(field, Rules.Unique, "rule.unique");
            }

            v.MaxLength($"units[{i}].vehicle", unit.Vehicle, 100);
            if (unit.Officers is < 1 or > 20)
            {
                v.Add($"units[{i}].officers", Rules.Range, "rule.range", 1, 20);
            }
        }
    }
}
