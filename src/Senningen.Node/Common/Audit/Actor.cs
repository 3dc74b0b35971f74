using System.Security.Claims;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Audit;

/// <summary>Who did something: a signed-in user, somebody who tried to sign in, or the node itself.</summary>
public sealed record Actor(string Name, string Unit, string Country)
{
    public const string UnitClaim = "senningen:unit";
    public const string CountryClaim = "senningen:country";
    public const string DisplayNameClaim = "senningen:display-name";
    public const string LanguageClaim = "senningen:language";

    public static Actor From(ClaimsPrincipal? user, NodeSettings settings)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous(settings);
        }

        return new Actor(user.Identity.Name ?? "(unnamed)", user.FindFirstValue(UnitClaim) ?? "",
            user.FindFirstValue(CountryClaim) ?? settings.Country.Value);
    }

    public static Actor Anonymous(NodeSettings settings) => new("(anonymous)", "", settings.Country.Value);

    public static Actor Node(NodeSettings settings) => new("(node)", settings.Name, settings.Country.Value);
}
