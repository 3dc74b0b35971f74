using Microsoft.AspNetCore.Authorization;
using Senningen.Contracts.Users;

namespace Senningen.Node.Common.Security;

/// <summary>Named authorisation policies; endpoints name one, never a role list of their own.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string DataProtection = "data-protection";
    public const string AuditVerify = "audit-verify";
    public const string Operations = "operations";
    public const string ExchangeMonitor = "exchange-monitor";
    public const string Alerts = "alerts";
    public const string OperationsRead = "operations-read";
    public const string AlertsRead = "alerts-read";
    public const string AnprView = "anpr-view";
    public const string AnprIngest = "anpr-ingest";
    public const string AnprHotlist = "anpr-hotlist";
    public const string AnprHits = "anpr-hits";
    public const string AnprHistory = "anpr-history";
    public const string Consultation = "consultation";
    public const string Requests = "requests";
    public const string FieldApp = "field-app";
    public const string Statistics = "statistics";

    public static void Register(AuthorizationOptions options)
    {
        // Anything not marked otherwise needs a signed-in user; an endpoint cannot be left open by forgetting.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(DataProtection, p => p.RequireRole(Roles.DataProtectionOfficer));
        options.AddPolicy(AuditVerify, p => p.RequireRole(Roles.DataProtectionOfficer, Roles.Admin));
        // Message metadata for those who run the exchange or work its traffic (the desk handles partners' messages); payloads
        // with personal data only as need to know allows.
        options.AddPolicy(ExchangeMonitor, p => p.RequireRole(Roles.Admin, Roles.ControlRoom, Roles.LiaisonOfficer));
        options.AddPolicy(Operations, p => p.RequireRole(Roles.Officer, Roles.ControlRoom, Roles.LiaisonOfficer));
        // The partner's control rooms, and the national desk (liaison) that an unacknowledged alert escalates to.
        options.AddPolicy(Alerts, p => p.RequireRole(Roles.ControlRoom, Roles.LiaisonOfficer));
        // Reading them, and reaching an operation or alert by its id: the DPO too, who reads everything to audit it; what each
        // may read or change of a given one is need to know's (NeedToKnow's table), which answers 404 outside the reach.
        options.AddPolicy(OperationsRead, p => p.RequireRole(Roles.Officer, Roles.ControlRoom, Roles.LiaisonOfficer, Roles.DataProtectionOfficer));
        options.AddPolicy(AlertsRead, p => p.RequireRole(Roles.ControlRoom, Roles.LiaisonOfficer, Roles.DataProtectionOfficer));
        // ANPR: cameras and the hotlist (personal data) are seen by control rooms, the international desk and administrators,
        // not browsed from a patrol car; the list is kept by the desk and administrators; reads come from camera gateways,
        // which sign in with an officer, control-room or admin account until the node has a service role of its own; hits
        // are for control rooms and the national desk.
        options.AddPolicy(AnprView, p => p.RequireRole(Roles.ControlRoom, Roles.LiaisonOfficer, Roles.Admin));
        options.AddPolicy(AnprIngest, p => p.RequireRole(Roles.Officer, Roles.ControlRoom, Roles.Admin));
        options.AddPolicy(AnprHotlist, p => p.RequireRole(Roles.LiaisonOfficer, Roles.Admin));
        options.AddPolicy(AnprHits, p => p.RequireRole(Roles.ControlRoom, Roles.LiaisonOfficer));
        // Searching stored reads is an investigative act (purpose, case, often a prosecutor's reference): control rooms and the desk.
        options.AddPolicy(AnprHistory, p => p.RequireRole(Roles.ControlRoom, Roles.LiaisonOfficer));
        // Officers at joint posts and on patrol, liaison officers and control rooms consult partners' registers.
        options.AddPolicy(Consultation, p => p.RequireRole(Roles.Officer, Roles.LiaisonOfficer, Roles.ControlRoom));
        // Cooperation requests: officers draft them, desks and control rooms decide; which step whom is the workflow's table.
        // The DPO reads them to audit them; need to know (Capability.Requests) gives that role no change at all.
        options.AddPolicy(Requests, p => p.RequireRole(Roles.Officer, Roles.LiaisonOfficer, Roles.ControlRoom, Roles.DataProtectionOfficer));
        // The officer's app: officers abroad, and the control rooms and desk that take it along on a mission too.
        options.AddPolicy(FieldApp, p => p.RequireRole(Roles.Officer, Roles.ControlRoom, Roles.LiaisonOfficer));
        // The Commission's statistics (Directive 2023/977, art. 18): the national desk that reports them and the DPO who checks them.
        options.AddPolicy(Statistics, p => p.RequireRole(Roles.LiaisonOfficer, Roles.DataProtectionOfficer));
    }
}
