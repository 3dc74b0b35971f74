using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Drafting;
using Senningen.Node.Features.Requests.Workflow;

namespace Senningen.Node.Features.Requests.Demo;

/// <summary>
/// Sample requests for the three-node demo, drafted and submitted by each node's demo officer through the same
/// services as the API: the partners receive them when they are up, so the inboxes fill within seconds of the start.
/// </summary>
internal static class DemoRequests
{
    private static readonly Dictionary<string, (string Type, string Partner, string? Urgency, bool Submit, object Fields)[]> ByCountry = new()
    {
        ["BE"] =
        [
            ("material-loan", "NL", "urgent", true, new { item = "Mobile ANPR trailer", quantity = 1, from = "2027-02-10", until = "2027-02-17",
                purpose = "Controls on the E19 after a series of ram raids", returnCondition = "Returned calibrated", costs = "requesting" }),
            ("special-units-crisis", "NL", "crisis", true, new { situation = "Armed suspects barricaded after a cash-in-transit robbery (demo)",
                location = "Essen, near the border with Roosendaal", unitsNeeded = "Intervention team with negotiators", commandPost = "CP Essen station",
                contact = "+32 3 000 00 00 (demo)" }),
            ("escort-aliens-law", "LU", "normal", false, new { personName = "Demo Person A", birthDate = "1990-05-01", nationality = "MA",
                documents = "Removal order (demo)", route = "Arlon - Luxembourg airport", crossingPoint = "Sterpenich", crossingAt = "2027-01-12T07:00:00+01:00",
                escortStrength = 2, weaponsCarried = false }),
        ],
        ["NL"] =
        [
            ("investigative-action", "BE", "normal", true, new { action = "witness-hearing", personName = "Demo Witness B", place = "Politie Lanaken",
                plannedAt = "2027-01-20T10:00:00+01:00", consentRecorded = true, hostOfficerPresent = true, prosecutorReference = "OM-LIM-2026-44 (demo)",
                description = "Witness of an assault in Maastricht, living in Lanaken" }),
            ("information-request", "LU", "urgent-direct", true, new { subject = "Vehicle LU AB 1234 (demo)", question = "Registered keeper and recent checks",
                purpose = "Investigation of fuel card fraud" }),
        ],
        ["LU"] =
        [
            ("high-risk-event", "BE", "normal", true, new { @event = "Benelux summit (demo)", location = "Luxembourg-Kirchberg", from = "2027-05-04",
                until = "2027-05-05", units = 2, armed = true }),
            ("administrative-approach", "NL", "normal", false, new { requestingAuthority = "Bourgmestre de Esch-sur-Alzette (demo)",
                nationalLegalBasis = "Loi communale (demo)", purpose = "licence-decision", subject = "Demo Café SARL", question = "Links to organised crime",
                mayPassTo = "municipality" }),
        ],
    };

    /// <summary>Drafts (and submits) the samples as the demo patrol officer of <paramref name="patrolUnit"/>, whose unit owns them.</summary>
    public static async Task SeedAsync(IServiceProvider services, string patrolUnit, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var (node, settings) = (scope.ServiceProvider.GetRequiredService<NodeSettings>(), scope.ServiceProvider.GetRequiredService<RequestsSettings>());
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        if (!node.DemoMode || !settings.SeedDemo || await db.Requests.AnyAsync(ct) || !ByCountry.TryGetValue(node.Country.Value, out var samples))
        {
            return;
        }

        var officer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "officer"), new Claim(ClaimTypes.Role, Core.Requests.RequestWorkflow.Officer), new Claim(Actor.CountryClaim, node.Country.Value),
                new Claim(Actor.UnitClaim, patrolUnit)],
            "demo", ClaimTypes.Name, ClaimTypes.Role));
        scope.ServiceProvider.GetRequiredService<CurrentOfficer>().Use(officer);
        foreach (var (type, partner, urgency, submit, fields) in samples.Where(s => node.Partners.Any(p => p.Country.Value == s.Partner)))
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(fields))!;
            var outcome = await scope.ServiceProvider.GetRequiredService<RequestDrafts>().CreateAsync(
                new CreateRequestInput(type, partner, urgency, $"DEMO-{node.Country.Value}-{type}", values), ct);
            if (submit && outcome.Request is { } request)
            {
                await scope.ServiceProvider.GetRequiredService<RequestTransitions>().ApplyAsync(request.Id, new TransitionInput("submit"), ct);
            }
        }
    }
}
