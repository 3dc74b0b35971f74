using System.Security.Claims;
using Senningen.Core.Access;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Officers;

/// <summary>
/// Who is acting in this request or console circuit: the user, their unit, country, roles, language and national
/// authorisations. Scoped; filled once per scope by <see cref="CurrentOfficerMiddleware"/> (API, static pages) or
/// <see cref="CurrentOfficerCircuitHandler"/> (interactive console), so handlers and pages read it instead of parsing claims.
/// </summary>
public sealed class CurrentOfficer(NodeSettings settings)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Nobody;

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    /// <summary>The actor that audit entries and timelines name; the anonymous actor before sign-in.</summary>
    public Actor Actor { get; private set; } = Actor.Anonymous(settings);

    public string Name => Actor.Name;

    public string Unit => Actor.Unit;

    public string Country => Actor.Country;

    /// <summary>The console language chosen by the user, if they chose one.</summary>
    public string? Language => Principal.FindFirstValue(Actor.LanguageClaim);

    public IReadOnlySet<string> Authorisations { get; private set; } = new HashSet<string>();

    /// <summary>The user as need to know sees them: unit, the zones their control room answers for, roles.</summary>
    public Holder Holder { get; private set; } = new("", new HashSet<string>(), new HashSet<string>());

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>Sets the user of this scope; called by the middleware and the circuit handler, and by tests and workers.</summary>
    public void Use(ClaimsPrincipal? user)
    {
        Principal = user ?? Nobody;
        Actor = Actor.From(user, settings);
        Authorisations = Actor.AuthorisationsOf(user);
        Holder = new Holder(Actor.Unit, Holder.ParseZones(Principal.FindFirstValue(Actor.ZonesClaim)),
            Principal.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
