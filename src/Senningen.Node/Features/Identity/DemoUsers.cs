using Senningen.Contracts.Users;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Identity;

/// <summary>The demo's users, one per role, with units that exist in each country. Password "demo", demo mode only.</summary>
internal static class DemoUsers
{
    public const string Password = "demo";

    public static IReadOnlyList<CreateUserRequest> For(CountryCode country)
    {
        var (language, patrol, room, desk, dpo) = country.Value switch
        {
            "BE" => ("nl", "PZ Noorderkempen", "CIC Antwerpen", "CGI/SPC International Police Cooperation", "Federale Politie DPO"),
            "NL" => ("nl", "Basisteam Baarle-Nassau", "Meldkamer Zuid-Nederland", "LIRC", "Politie FG"),
            _ => ("fr", "Commissariat Esch-sur-Alzette", "CIN Police Grand-Ducale", "Service des relations internationales", "DPO Police Grand-Ducale"),
        };
        return
        [
            new("officer", Password, $"Officer {country.Value}", patrol, [Roles.Officer], language),
            new("controlroom", Password, $"Control room {country.Value}", room, [Roles.ControlRoom], language),
            new("liaison", Password, $"Liaison officer {country.Value}", desk, [Roles.LiaisonOfficer], language),
            new("dpo", Password, $"Data protection officer {country.Value}", dpo, [Roles.DataProtectionOfficer], "en"),
            new("admin", Password, $"Administrator {country.Value}", "Node operations", [Roles.Admin], "en"),
        ];
    }
}
