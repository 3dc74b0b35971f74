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
}
