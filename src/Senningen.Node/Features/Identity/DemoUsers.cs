using Senningen.Contracts.Users;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Identity;

/// <summary>The demo's users, one per role, with units that exist in each country. Password "demo", demo mode only.</summary>
internal static class DemoUsers
{
    public const string Password = "demo";

    public static IReadOnlyList<CreateUserRequest> For(CountryCode country)
    {
        // The patrol works in the border zone its control room answers for; the Dutch Meldkamer Zuid-Nederland serves three regions.
        var (language, patrol, room, desk, dpo, patrolZones, roomZones) = country.Value switch
        {
            "BE" => ("nl", "PZ Noorderkempen", "CIC Antwerpen", "CGI/SPC International Police Cooperation", "Federale Politie DPO",
                (string[])["BE-VAN"], (string[])["BE-VAN"]),
            "NL" => ("nl", "Basisteam Baarle-Nassau", "Meldkamer Zuid-Nederland", "LIRC", "Politie FG",
                ["NL-RE08"], ["NL-RE08", "NL-RE09", "NL-RE10"]),
            _ => ("fr", "Commissariat Esch-sur-Alzette", "CIN Police Grand-Ducale", "Service des relations internationales", "DPO Police Grand-Ducale",
                ["LU"], ["LU"]),
        };
        // Joint posts and mixed patrols are Belgian–Dutch; a Luxembourg patrol officer is cleared for hit/no-hit and the
        // Prüm vehicle search only, which every patrol and control room of the three countries may run.
        string[] patrolClearance = country.Value == "LU"
            ? [Authorisations.HitNoHit, Authorisations.PrumVehicle]
            : [Authorisations.HitNoHit, Authorisations.JointPost, Authorisations.MixedPatrol, Authorisations.JointControl, Authorisations.PrumVehicle];
        return
        [
            new("officer", Password, $"Officer {country.Value}", patrol, [Roles.Officer], language)
            {
                Authorisations = patrolClearance, Zones = patrolZones,
            },
            new("controlroom", Password, $"Control room {country.Value}", room, [Roles.ControlRoom], language)
            {
                Authorisations = [Authorisations.HitNoHit, Authorisations.FormalRequest, Authorisations.PrumVehicle], Zones = roomZones,
            },
            new("liaison", Password, $"Liaison officer {country.Value}", desk, [Roles.LiaisonOfficer], language) { Authorisations = Authorisations.All },
            new("dpo", Password, $"Data protection officer {country.Value}", dpo, [Roles.DataProtectionOfficer], "en"),
            new("admin", Password, $"Administrator {country.Value}", "Node operations", [Roles.Admin], "en"),
        ];
    }
}
