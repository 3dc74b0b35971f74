using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>A search body an officer's node must refuse before anything leaves it: the rule named, nothing queued.</summary>
internal static class BadSearches
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task RefusedNamingAsync(TestNode node, string body, string field, string rule)
    {
        using var officer = await node.SignedInAsync("officer");
        var before = await QueryAsync(node, db => db.Outbox.CountAsync(Ct));

        var response = await officer.PostAsync("api/v1/consultation/searches", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("rule").GetString())).ToList();
        errors.ShouldContain((field, rule));
        (await QueryAsync(node, db => db.Outbox.CountAsync(Ct))).ShouldBe(before);
    }
}
