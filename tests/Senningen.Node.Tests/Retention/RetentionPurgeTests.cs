using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Retention;
using Senningen.Core.Retention;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Consultation.Data;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Retention;
using Senningen.Node.Features.Retention.Overview;
using Senningen.Node.Features.Retention.Purging;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Retention.RetentionSeeds;

namespace Senningen.Node.Tests.Retention;

/// <summary>
/// On a frozen clock, for every kind: a record a day past its period goes (or loses its personal fields), one a day short
/// of it stays, one a hold names stays until the hold is lifted; each run that purged a kind audits it once.
/// </summary>
public sealed class RetentionPurgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task EveryKindPastItsPeriod_IsPurged_InChunks_AuditedOncePerRunAndKind_AndHoldsKeepTheirRecordsUntilLifted(Store store)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(store, "BE", new Dictionary<string, string?> { ["Senningen:Retention:ChunkSize"] = "10" },
            s => s.AddSingleton<TimeProvider>(clock));
        var seeded = await SeedAsync(node, clock.GetUtcNow());
        using var dpo = await node.SignedInAsync("dpo");
        var byIds = await PlaceAsync(dpo, new PlaceHoldRequest(null, [seeded.HeldHit, seeded.HeldSearch, seeded.HeldOperation, seeded.HeldAlert,
            seeded.HeldRequest, seeded.HeldInbox], "Case under investigation", null));
        var byCase = await PlaceAsync(dpo, new PlaceHoldRequest("HELD-CASE", null, "Prosecutor's hold", clock.GetUtcNow().AddDays(30)));

        var first = await PurgeAsync(node);
        var again = await PurgeAsync(node);

        first.Where(k => k.Count > 0).Select(k => (k.Kind, k.Count)).ShouldBe(
        [
            (RetentionKinds.Alert, 1), (RetentionKinds.AlertPosition, 1), (RetentionKinds.AnprHit, 12), (RetentionKinds.ConsultationSearch, 1),
            (RetentionKinds.ExchangeMessage, 2), (RetentionKinds.IdempotentAnswer, 1), (RetentionKinds.Operation, 1), (RetentionKinds.Request, 1),
            (RetentionKinds.UnitPosition, 1),
        ], ignoreOrder: true);
        again.ShouldAllBe(k => k.Count == 0);
        var overview = await OverviewAsync(node);
        var period = (string kind) => node.Services.GetRequiredService<RetentionSettings>().RuleFor(kind).Period;
        var (now, day) = (clock.GetUtcNow(), TimeSpan.FromDays(1));
        overview.Kinds.Select(k => k.Rule.Kind).ShouldBe(RetentionKinds.All);
        // The audit log's count grows with every step of the test itself; AuditPurgeTests covers it.
        overview.Kinds.Where(k => k.Rule.Kind != RetentionKinds.AuditLog).Select(k => (k.Rule.Kind, k.Kept.Count)).ShouldBe(
        [
            (RetentionKinds.AnprRead, 0), (RetentionKinds.AnprHit, 2), (RetentionKinds.ExchangeMessage, 4), (RetentionKinds.DroppedMessage, 0),
            (RetentionKinds.ConsultationSearch, 2),
            (RetentionKinds.UnitPosition, 2), (RetentionKinds.AlertPosition, 2), (RetentionKinds.Operation, 2), (RetentionKinds.Alert, 2),
            (RetentionKinds.Request, 2), (RetentionKinds.IdempotentAnswer, 1),
        ]);
        overview.Kinds.Single(k => k.Rule.Kind == RetentionKinds.Operation).Kept.Oldest.ShouldBe(now - period(RetentionKinds.Operation) - day);
        overview.Kinds.Single(k => k.Rule.Kind == RetentionKinds.IdempotentAnswer).Kept.Oldest.ShouldBe(now - period(RetentionKinds.IdempotentAnswer) + day);
        overview.Kinds.Single(k => k.Rule.Kind == RetentionKinds.AnprRead).Kept.Oldest.ShouldBeNull();
        overview.Holds.Select(h => h.Id).ShouldBe([byIds.Id, byCase.Id], ignoreOrder: true);
        await QueryAsync(node, async db =>
        {
            (await db.AnprHits.Select(h => h.Id).ToListAsync(Ct)).ShouldBe([seeded.HeldHit, seeded.RecentHit], ignoreOrder: true);
            (await db.ConsultationSearches.Select(s => s.Id).ToListAsync(Ct)).ShouldBe([seeded.HeldSearch, seeded.RecentSearch], ignoreOrder: true);
            (await db.ConsultationAnswers.Select(a => a.SearchId).ToListAsync(Ct)).ShouldBe([seeded.HeldSearch, seeded.RecentSearch], ignoreOrder: true);
            (await db.UnitFixes.Select(f => f.OperationId).ToListAsync(Ct)).ShouldBe([seeded.HeldOperation, seeded.RecentOperation], ignoreOrder: true);
            (await db.AlertFixes.Select(f => f.OperationId).ToListAsync(Ct)).ShouldBe([seeded.HeldAlert, seeded.RecentAlert], ignoreOrder: true);
            var operations = await db.Operations.Where(o => o.Type == "hot-pursuit" && o.StartedBy == "officer").ToListAsync(Ct);
            operations.Where(o => o.Suspect == null).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                o => o.Id.ShouldBe(seeded.OldOperation), o => o.Vehicles.ShouldBe(""), o => o.CaseReference.ShouldBeNull(), o => o.Report.ShouldBeNull(),
                o => o.Outcome.ShouldBe("arrested"), o => o.EndedAt.ShouldNotBeNull());
            (await db.Alerts.Where(a => a.Suspect == null).Select(a => a.Id).ToListAsync(Ct)).ShouldBe([seeded.OldAlert]);
            var request = await db.Requests.SingleAsync(r => r.Id == seeded.OldRequest, Ct);
            (request.Fields, request.CaseReference, request.DelayReason).ShouldBe(("{}", (string?)null, (string?)null));
            (await db.RequestAttachments.Select(a => a.RequestId).ToListAsync(Ct)).ShouldNotContain(seeded.OldRequest);
            (await db.RequestEvents.Where(e => e.RequestId == seeded.OldRequest).Select(e => e.Reason).ToListAsync(Ct)).ShouldBe([null]);
            (await db.Requests.SingleAsync(r => r.Id == seeded.HeldRequest, Ct)).Fields.ShouldContain("Peeters");
            (await db.Inbox.Where(m => m.Payload == "{}").Select(m => m.Id).ToListAsync(Ct)).ShouldBe([seeded.OldInbox]);
            (await db.Outbox.Where(m => m.Payload == "{}").Select(m => m.Id).ToListAsync(Ct)).ShouldBe([seeded.OldOutbox]);
            (await db.Set<IdempotentRequest>().Select(r => r.Key).ToListAsync(Ct)).ShouldBe(["recent"]);
            return 0;
        });
        var audit = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == "retention.purged").Select(e => e.Detail!).ToListAsync(Ct));
        // One entry per chunk, committed with it: the twelve hits went in a chunk of ten and one of two.
        audit.Count.ShouldBe(10);
        audit.ShouldContain(d => d.StartsWith("anpr-hit: 10 record(s) counted from hit before 2026-06-01T08:00:00.0000000+00:00 deleted: BE rule of 365 days", StringComparison.Ordinal));
        audit.ShouldContain(d => d.StartsWith("anpr-hit: 2 record(s) counted from hit before", StringComparison.Ordinal));
        audit.ShouldContain(d => d.StartsWith("request: 1 record(s) counted from request-closing before", StringComparison.Ordinal)
            && d.Contains("anonymised (fields, caseReference, delayReason, eventReasons, attachments)", StringComparison.Ordinal));

        (await dpo.DeleteAsync($"api/v1/retention/holds/{byIds.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await dpo.DeleteAsync($"api/v1/retention/holds/{byCase.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var lifted = await PurgeAsync(node);

        lifted.Where(k => k.Count > 0).Select(k => (k.Kind, k.Count)).ShouldBe(
        [
            (RetentionKinds.Alert, 1), (RetentionKinds.AlertPosition, 1), (RetentionKinds.AnprHit, 1), (RetentionKinds.ConsultationSearch, 1),
            (RetentionKinds.ExchangeMessage, 2), (RetentionKinds.Operation, 1), (RetentionKinds.Request, 1), (RetentionKinds.UnitPosition, 1),
        ], ignoreOrder: true);
        var holdAudit = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action.StartsWith("retention.hold")).Select(e => e.Action).ToListAsync(Ct));
        // The overview showed the holds: a read of them, audited once.
        holdAudit.ShouldBe(["retention.hold-placed", "retention.hold-placed", "retention.holds-read", "retention.hold-lifted", "retention.hold-lifted"], ignoreOrder: true);
    }

    [Fact]
    public async Task Hold_WithBadInput_IsRefused_NamingFieldAndRule_AndAnUnknownHoldIs404()
    {
        await using var node = await TestNode.StartAsync();
        using var dpo = await node.SignedInAsync("dpo");

        var nothing = await ErrorsAsync(dpo, new { reason = " " });
        var both = await ErrorsAsync(dpo, new { caseReference = "C-1", recordIds = new[] { Guid.NewGuid() }, reason = "r" });
        var tooMany = await ErrorsAsync(dpo, new { recordIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()), reason = "r" });
        var empty = await ErrorsAsync(dpo, new { recordIds = new[] { Guid.Empty }, reason = "r" });
        var past = await ErrorsAsync(dpo, new { caseReference = "C-1", reason = "r", until = DateTimeOffset.UtcNow.AddDays(-1) });
        var longCase = await ErrorsAsync(dpo, new { caseReference = new string('c', 101), reason = new string('r', 501) });
        using var missing = await dpo.DeleteAsync($"api/v1/retention/holds/{Guid.NewGuid()}", Ct);
        using var officer = await node.SignedInAsync("officer");
        using var notDpo = await officer.PostAsJsonAsync("api/v1/retention/holds", new { caseReference = "C-1", reason = "r" }, Ct);

        nothing.ShouldBe([("caseReference", "required"), ("reason", "required")], ignoreOrder: true);
        both.ShouldBe([("recordIds", "one-of")]);
        tooMany.ShouldBe([("recordIds", "range")]);
        empty.ShouldBe([("recordIds", "format")]);
        past.ShouldBe([("until", "range")]);
        longCase.ShouldBe([("caseReference", "max-length"), ("reason", "max-length")], ignoreOrder: true);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        notDpo.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == "retention.hold-placed", Ct))).ShouldBe(0);
    }

    private sealed record Seeded(Guid HeldHit, Guid RecentHit, Guid HeldSearch, Guid RecentSearch, Guid OldOperation, Guid HeldOperation, Guid RecentOperation,
        Guid OldAlert, Guid HeldAlert, Guid RecentAlert, Guid OldRequest, Guid HeldRequest, Guid OldInbox, Guid HeldInbox, Guid OldOutbox);

    private static async Task<Seeded> SeedAsync(TestNode node, DateTimeOffset now)
    {
        var settings = node.Services.GetRequiredService<RetentionSettings>();
        DateTimeOffset Old(string kind) => now - settings.RuleFor(kind).Period - TimeSpan.FromDays(1);
        DateTimeOffset Recent(string kind) => now - settings.RuleFor(kind).Period + TimeSpan.FromDays(1);
        var s = new Seeded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        // Twelve due hits: more than one chunk of ten.
        db.AnprHits.AddRange([.. Enumerable.Range(0, 12).Select(i => Hit(Guid.NewGuid(), Old(RetentionKinds.AnprHit).AddMinutes(-i))),
            Hit(s.HeldHit, Old(RetentionKinds.AnprHit)), Hit(s.RecentHit, Recent(RetentionKinds.AnprHit))]);
        var oldSearch = Guid.NewGuid();
        foreach (var (id, at) in new[] { (oldSearch, Old(RetentionKinds.ConsultationSearch)), (s.HeldSearch, Old(RetentionKinds.ConsultationSearch)), (s.RecentSearch, Recent(RetentionKinds.ConsultationSearch)) })
        {
            db.ConsultationSearches.Add(Search(id, at));
            db.ConsultationAnswers.Add(Answer(id, at));
        }

        foreach (var (id, ended, fix) in new[] { (s.OldOperation, Old(RetentionKinds.Operation), Old(RetentionKinds.UnitPosition)),
            (s.HeldOperation, Old(RetentionKinds.Operation), Old(RetentionKinds.UnitPosition)), (s.RecentOperation, Recent(RetentionKinds.Operation), Recent(RetentionKinds.UnitPosition)) })
        {
            db.Operations.Add(Operation(id, ended));
            db.UnitFixes.Add(UnitFix(id, fix));
        }

        foreach (var (id, closed, fix) in new[] { (s.OldAlert, Old(RetentionKinds.Alert), Old(RetentionKinds.AlertPosition)),
            (s.HeldAlert, Old(RetentionKinds.Alert), Old(RetentionKinds.AlertPosition)), (s.RecentAlert, Recent(RetentionKinds.Alert), Recent(RetentionKinds.AlertPosition)) })
        {
            db.Alerts.Add(Alert(id, closed));
            db.AlertFixes.Add(AlertFix(id, fix));
        }

        foreach (var (id, closed) in new[] { (s.OldRequest, Old(RetentionKinds.Request)), (s.HeldRequest, Old(RetentionKinds.Request)), (Guid.NewGuid(), Recent(RetentionKinds.Request)) })
        {
            db.Requests.Add(Request(id, closed));
            db.RequestEvents.Add(RequestEvent(id, closed));
            db.RequestAttachments.Add(Attachment(id));
        }

        db.Inbox.AddRange(Received(s.OldInbox, Old(RetentionKinds.ExchangeMessage)), Received(s.HeldInbox, Old(RetentionKinds.ExchangeMessage)),
            Received(Guid.NewGuid(), Recent(RetentionKinds.ExchangeMessage)));
        db.Outbox.AddRange(Sent(s.OldOutbox, Old(RetentionKinds.ExchangeMessage)), Sent(Guid.NewGuid(), Old(RetentionKinds.ExchangeMessage), "HELD-CASE"),
            Sent(Guid.NewGuid(), Recent(RetentionKinds.ExchangeMessage)));
        db.Set<IdempotentRequest>().AddRange(Idempotent("old", Old(RetentionKinds.IdempotentAnswer)), Idempotent("recent", Recent(RetentionKinds.IdempotentAnswer)));
        await db.SaveChangesAsync(Ct);
        return s;
    }

    private static async Task<HoldView> PlaceAsync(HttpClient dpo, PlaceHoldRequest request)
    {
        using var response = await dpo.PostAsJsonAsync("api/v1/retention/holds", request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<HoldView>(Ct))!;
    }

    private static async Task<List<(string Field, string Rule)>> ErrorsAsync(HttpClient dpo, object body)
    {
        using var response = await dpo.PostAsJsonAsync("api/v1/retention/holds", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return [.. (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.Select(e => (e.Field, e.Rule))];
    }

    private static async Task<RetentionOverviewView> OverviewAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionOverview>().ReadAsync(Ct);
    }

    private static async Task<IReadOnlyList<KindPurged>> PurgeAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeExpired>().RunAsync(Ct);
    }
}
