using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Users;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>
/// The officer's own country decides who may consult in a joint post or on patrol: a Belgian control-room operator
/// (cleared for hit/no-hit and formal requests only) is refused a joint-post search before anything leaves Belgium,
/// and allowed once the administrator grants the authorisation; withdrawing it refuses again.
/// </summary>
public sealed class NationalAuthorisationTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static ConsultationSearchRequest JointPostSearch => new("joint-post", "persons", "identity check at the joint post", "BE-2026-0077",
        new PersonCriteriaInput("Peeters", "Jan", "1980-04-02"));

    [Fact]
    public async Task ASearchInAContextTheUserIsNotClearedFor_Is403NamingTheRule_UntilTheAdministratorGrantsIt()
    {
        var be = _network["BE"];
        var before = await QueryAsync(be, db => db.Outbox.CountAsync(Ct));
        using (var room = await be.SignedInAsync("controlroom"))
        {
            var refused = await room.PostAsJsonAsync("api/v1/consultation/searches", JointPostSearch, Ct);

            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
            problem.GetProperty("rule").GetString().ShouldBe("national-authorisation");
            problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("context");
            (await QueryAsync(be, db => db.Outbox.CountAsync(Ct))).ShouldBe(before);
            var denied = await QueryAsync(be, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.search" && e.Outcome == "denied", Ct));
            denied.Detail!.ShouldContain("national-authorisation joint-post");

            // What the user is cleared for still works.
            (await room.PostAsJsonAsync("api/v1/consultation/searches", JointPostSearch with { Context = "hit-no-hit" }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        using var admin = await be.SignedInAsync("admin");
        var granted = await admin.PutAsJsonAsync("api/v1/admin/users/controlroom/authorisations",
            new UserAuthorisationsRequest([Authorisations.HitNoHit, Authorisations.FormalRequest, Authorisations.JointPost]), Ct);
        granted.StatusCode.ShouldBe(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync(Ct));
        (await granted.Content.ReadFromJsonAsync<UserSummary>(Ct))!.Authorisations
            .ShouldBe([Authorisations.FormalRequest, Authorisations.HitNoHit, Authorisations.JointPost]);

        // The clearance travels in the sign-in, so it reaches the user's next session.
        using (var room = await be.SignedInAsync("controlroom"))
        {
            (await room.PostAsJsonAsync("api/v1/consultation/searches", JointPostSearch, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await admin.PutAsJsonAsync("api/v1/admin/users/controlroom/authorisations", new UserAuthorisationsRequest([Authorisations.HitNoHit]), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var room = await be.SignedInAsync("controlroom"))
        {
            (await room.PostAsJsonAsync("api/v1/consultation/searches", JointPostSearch, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var changes = await QueryAsync(be, db => db.AuditEntries.Where(e => e.Action == "user.authorisations").Select(e => e.Detail).ToListAsync(Ct));
        // The demo control room starts with the Prüm vehicle search too; the first change, naming three, withdraws it.
        changes.ShouldBe(["granted: consultation:joint-post; withdrawn: consultation:prum-vehicle",
            "granted: ; withdrawn: consultation:formal-request,consultation:joint-post"]);
    }

    [Theory]
    [InlineData("""{"authorisations":["consultation:coffee"]}""", "authorisations[0]", "one-of")]
    [InlineData("""{}""", "authorisations", "required")]
    public async Task AnUnknownOrMissingAuthorisation_Is400NamingTheField_AndChangesNothing(string body, string field, string rule)
    {
        var be = _network["BE"];
        using var admin = await be.SignedInAsync("admin");

        var response = await admin.PutAsync("api/v1/admin/users/officer/authorisations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("rule").GetString())).ToList();
        errors.ShouldContain((field, rule));
        var users = (await admin.GetFromJsonAsync<List<UserSummary>>("api/v1/admin/users", Ct))!;
        users.Single(u => u.Username == "officer").Authorisations.Count.ShouldBe(5, "the demo officer's five clearances are left as they were");
    }

    [Fact]
    public async Task AuthorisationsOfAnUnknownUser_Are404()
    {
        using var admin = await _network["BE"].SignedInAsync("admin");
        (await admin.PutAsJsonAsync("api/v1/admin/users/nobody/authorisations", new UserAuthorisationsRequest([]), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOfficerMayNotChangeAuthorisations()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        (await officer.PutAsJsonAsync("api/v1/admin/users/officer/authorisations", new UserAuthorisationsRequest(Authorisations.All), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
