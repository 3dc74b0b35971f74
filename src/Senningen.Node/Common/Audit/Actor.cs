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

    /// <summary>The zones (comma-separated ids) the user's control room answers for; need to know reads them.</summary>
    public const string ZonesClaim = "senningen:zones";

    /// <summary>One national authorisation the user holds (values in <c>Senningen.Contracts.Users.Authorisations</c>).</summary>
    public const string AuthorisationClaim = "senningen:authorisation";

    public static Actor From(ClaimsPrincipal? user, NodeSettings settings)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous(settings);
        }

        return new Actor(user.Identity.Name ?? "(unnamed)", user.FindFirstValue(UnitClaim) ?? "",
            user.FindFirstValue(CountryClaim) ?? settings.Country.Value);
    }

    /// <summary>The national authorisations in the user's sign-in (read at sign-in or token issue, not per request).</summary>
    public static IReadOnlySet<string> AuthorisationsOf(ClaimsPrincipal? user) =>
        user?.FindAll(AuthorisationClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];

    public static Actor Anonymous(NodeSettings settings) => new("(anonymous)", "", settings.Country.Value);

    public static Actor Node(NodeSettings settings) => new("(node)", settings.Name, settings.Country.Value);
}
