using System.Net.Http.Json;
using Senningen.Contracts.Requests;

namespace Senningen.Browser.Tests;

/// <summary>The requests that several browser tests put on a node through the API before they open a page.</summary>
internal static class RequestSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Belgian draft asking the Netherlands to lend material; the texts are the caller's (a language test picks its own).</summary>
    public static async Task<RequestView> DraftMaterialLoanAsync(HttpClient officer, string caseReference,
        string item = "Water cannon vehicle", int quantity = 2, string purpose = "High-risk football match", string returnCondition = "Cleaned, full tank")
    {
        var created = await officer.PostAsJsonAsync("api/v1/requests", new
        {
            type = "material-loan", partner = "NL", caseReference,
            fields = new Dictionary<string, object>
            {
                ["item"] = item, ["quantity"] = quantity, ["from"] = "2027-03-01", ["until"] = "2027-03-03",
                ["purpose"] = purpose, ["returnCondition"] = returnCondition, ["costs"] = "requesting",
            },
        }, Ct);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!;
    }

    /// <summary>Submits a draft to the partner.</summary>
    public static async Task SubmitAsync(HttpClient officer, RequestView draft) =>
        (await officer.PostAsJsonAsync($"api/v1/requests/{draft.Summary.Id}/transitions", new TransitionInput("submit"), Ct)).EnsureSuccessStatusCode();

    /// <summary>A Dutch information request under Directive (EU) 2023/977 to <paramref name="partner"/>, submitted; its id.</summary>
    public static async Task<Guid> SendInformationRequestAsync(HttpClient officer, string urgency, string partner = "BE")
    {
        var created = await officer.PostAsJsonAsync("api/v1/requests", new
        {
            type = "information-request", partner, urgency, caseReference = "NL-2026-0420",
            fields = new Dictionary<string, object> { ["subject"] = "Vehicle 1-ABC-123", ["question"] = "Registered keeper", ["purpose"] = "Burglaries" },
        }, Ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!.Summary.Id;
        (await officer.PostAsJsonAsync($"api/v1/requests/{id}/transitions", new TransitionInput("submit"), Ct)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Waits until the requested desk holds the request as received.</summary>
    public static async Task WaitReceivedAsync(HttpClient desk, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await desk.GetAsync($"api/v1/requests/{id}", Ct);
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<RequestView>(Ct))!.Summary.State == "received")
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The partner never received the request.");
    }
}
