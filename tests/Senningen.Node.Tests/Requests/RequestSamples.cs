using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Contracts.Requests;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Requests;

/// <summary>Valid, deterministic form values for every request type, and the steps tests take through the API.</summary>
public static class RequestSamples
{
    public static readonly IReadOnlyList<string> TypeIds =
    [
        "assistance-personnel", "material-loan", "escort-aliens-law", "escort-judicial", "weapons-authorisation", "investigative-action",
        "special-units-crisis", "high-risk-event", "information-request", "administrative-approach",
    ];

    public static Dictionary<string, object?> Fields(string type) => type switch
    {
        "assistance-personnel" => new() { ["purpose"] = "Public order at the Carnival parade", ["location"] = "Maastricht", ["from"] = "2027-02-14T08:00:00+01:00",
            ["until"] = "2027-02-14T20:00:00+01:00", ["officers"] = 12, ["commander"] = "Hoofdinspecteur De Wit" },
        "material-loan" => new() { ["item"] = "Water cannon vehicle", ["quantity"] = 2, ["from"] = "2027-03-01", ["until"] = "2027-03-03",
            ["purpose"] = "Football match high risk", ["returnCondition"] = "Cleaned, full tank", ["costs"] = "requesting" },
        "escort-aliens-law" or "escort-judicial" => new() { ["personName"] = "Jan Peeters", ["birthDate"] = "1985-04-12", ["nationality"] = "BE",
            ["documents"] = "Removal order 2026/771", ["route"] = "Antwerp - Breda - Schiphol", ["crossingPoint"] = "Hazeldonk",
            ["crossingAt"] = "2027-01-10T06:30:00+01:00", ["escortStrength"] = 3, ["weaponsCarried"] = true, ["weapons"] = "Service pistols" },
        "weapons-authorisation" => new() { ["weapons"] = "2 submachine guns", ["ammunition"] = "9 mm, 200 rounds", ["reason"] = "Protection of a minister",
            ["carriers"] = 2, ["from"] = "2027-01-20", ["until"] = "2027-01-21" },
        "investigative-action" => new() { ["action"] = "witness-hearing", ["personName"] = "Marie Dubois", ["place"] = "Politiebureau Heerlen",
            ["plannedAt"] = "2027-01-15T10:00:00+01:00", ["consentRecorded"] = true, ["hostOfficerPresent"] = true, ["prosecutorReference"] = "PK-2026-118",
            ["description"] = "Hearing of a witness to a robbery in Liège" },
        "special-units-crisis" => new() { ["situation"] = "Hostage taking in a school", ["location"] = "Kerkrade", ["unitsNeeded"] = "Intervention team, negotiators",
            ["commandPost"] = "CP Kerkrade town hall", ["contact"] = "+32 2 000 00 00" },
        "high-risk-event" => new() { ["event"] = "EU summit", ["location"] = "Brussels", ["from"] = "2027-06-20", ["until"] = "2027-06-22", ["units"] = 4, ["armed"] = true },
        "information-request" => new() { ["subject"] = "Vehicle 1-ABC-123", ["question"] = "Registered keeper and recent checks", ["purpose"] = "Investigation of burglaries" },
        "administrative-approach" => new() { ["requestingAuthority"] = "Mayor of Genk", ["nationalLegalBasis"] = "Nieuwe Gemeentewet art. 119ter",
            ["purpose"] = "licence-decision", ["subject"] = "Café De Grens BV", ["question"] = "Known links to organised crime of the managers",
            ["mayPassTo"] = new[] { "municipality" } },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no sample"),
    };

    public static object Create(string type, string partner, string? urgency = null, Dictionary<string, object?>? fields = null, string? region = null) =>
        new { type, partner, urgency, caseReference = "CASE-2026-7", fields = fields ?? Fields(type), region };

    public static async Task<RequestView> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("api/v1/requests", body, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<RequestView>(TestContext.Current.CancellationToken))!;
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, string? reason = null, DateTimeOffset? expectedBy = null) =>
        client.PostAsJsonAsync($"api/v1/requests/{id}/transitions", new TransitionInput(action, reason, expectedBy), TestContext.Current.CancellationToken);

    public static async Task<RequestView> DoAsync(HttpClient client, Guid id, string action, string? reason = null, DateTimeOffset? expectedBy = null)
    {
        var response = await ActAsync(client, id, action, reason, expectedBy);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<RequestView>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<RequestView> WaitForStateAsync(HttpClient client, Guid id, string state)
    {
        RequestView? view = null;
        await EventuallyAsync(async () =>
        {
            var response = await client.GetAsync($"api/v1/requests/{id}", TestContext.Current.CancellationToken);
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RequestView>(TestContext.Current.CancellationToken) : null;
            return view?.Summary.State == state;
        }, $"request {id} reaches {state}", TimeSpan.FromSeconds(20));
        return view!;
    }

    public static async Task<ProblemBody> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemBody>(new JsonSerializerOptions(JsonSerializerDefaults.Web), TestContext.Current.CancellationToken))!;
}
