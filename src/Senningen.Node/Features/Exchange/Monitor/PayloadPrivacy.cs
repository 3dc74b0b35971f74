using System.Collections.Frozen;
using System.Text.Json;
using Senningen.Core.Access;
using Senningen.Core.Geo;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Exchange.Monitor;

/// <summary>
/// Whether a message's payload carries personal data, and whose it is (need to know, <see cref="Capability.ExchangePayloads"/>).
/// Read from the wire's type names and JSON alone, so the monitor needs no capability's payload types: a type not named
/// here as impersonal, a partner's new one included, counts as personal. The owner is the zone of this node's country the
/// payload names (an operation's home zone, the zone a crossing entered, an acknowledging control room's zone) or that
/// holds its position (a hit, the first fix of a positions batch); none has a unit, so a payload without such a zone
/// (consultations, requests, an operation's end) is only for the desk and the DPO.
/// </summary>
public sealed class PayloadPrivacy(IGeoLocator locator, ControlRoomDirectory rooms, NodeSettings settings)
{
    // A liveness round trip, the audit log's signed tree heads and an escalation carry ids, zones and times, nobody's data.
    private static readonly FrozenSet<string> Impersonal =
        FrozenSet.ToFrozenSet(["exchange.ping", "audit.tree-head", "audit.tree-head-confirmation", "operations.escalated"], StringComparer.Ordinal);

    // The crossing's own zone fields first: the zone of this country is the one whose control room works the message.
    private static readonly string[] ZoneFields = ["zone", "toZone", "homeZone", "fromZone", "region"];

    public static bool IsPersonal(string type) => !Impersonal.Contains(type);

    public Owner OwnerOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            return Owner.Of(null, json.RootElement.ValueKind == JsonValueKind.Object ? ZoneOf(json.RootElement) : null);
        }
        catch (JsonException)
        {
            return Owner.Of(null, null);
        }
    }

    private string? ZoneOf(JsonElement root)
    {
        foreach (var field in ZoneFields)
        {
            if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                && rooms.ForZone(value.GetString()) is { } room && room.Country == settings.Country)
            {
                return room.ZoneId;
            }
        }

        if (PositionZone(root) is { } zone)
        {
            return zone;
        }

        return root.TryGetProperty("fixes", out var fixes) && fixes.ValueKind == JsonValueKind.Array
            ? fixes.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(PositionZone).FirstOrDefault(z => z is not null)
            : null;
    }

    private string? PositionZone(JsonElement at)
    {
        if (!at.TryGetProperty("lat", out var lat) || !at.TryGetProperty("lon", out var lon) || lat.ValueKind != JsonValueKind.Number
            || lon.ValueKind != JsonValueKind.Number || !GeoPoint.TryCreate(lat.GetDouble(), lon.GetDouble(), out var point))
        {
            return null;
        }

        var where = locator.Locate(point.Value);
        return where.Country == settings.Country ? where.ZoneId : null;
    }
}
