using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary><c>operations.positions</c> v1, home → partner: fixes of units while they are on the partner's territory.</summary>
public sealed record PositionsPayload(Guid OperationId, IReadOnlyList<ForwardedFix> Fixes) : IValidatedPayload
{
    public const string Type = "operations.positions";

    public IEnumerable<string> Problems()
    {
        // How many is too many is the receiving handler's rule, refused under its own name.
        if (OperationId == Guid.Empty || Fixes is null || Fixes.Count is 0)
        {
            yield return "operationId and at least one fix are required";
            yield break;
        }

        foreach (var fix in Fixes)
        {
            if (fix is null || string.IsNullOrWhiteSpace(fix.Unit) || !double.IsFinite(fix.Lat) || !double.IsFinite(fix.Lon)
                || fix.Lat is < -90 or > 90 || fix.Lon is < -180 or > 180)
            {
                yield return "a fix lacks a unit or has lat/lon out of range";
                yield break;
            }
        }
    }
}

/// <summary>One forwarded fix.</summary>
public sealed record ForwardedFix(string Unit, DateTimeOffset Time, double Lat, double Lon, double? Speed, double? Heading);
