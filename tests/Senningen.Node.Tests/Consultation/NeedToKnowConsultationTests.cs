using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Users;
using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Consultation.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>
/// Need to know on consultation searches: a search and its answers are the unit's that started it. An officer of another
/// unit, or the desk, gets the 404 a missing search gives (same body apart from the instance) and exactly one audited
/// denial; the unit's own officer gets the search and exactly one read entry.
/// </summary>
public sealed class NeedToKnowConsultationTests : IAsyncLifetime
{
    private const string UnitA = "PZ Noorderkempen";
    private const string UnitB = "PZ Kempen Noord-Oost";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode _node = null!;
    private readonly Dictionary<string, HttpClient> _users = [];
    private Guid _searchOfA;
    private Guid _searchOfB;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "BE");
        _users["officer"] = await _node.SignedInAsync("officer");
        _users["officerB"] = await _node.SignedInAsNewAsync("officerB", UnitB, Roles.Officer, ["BE-VAN"]);
        _users["liaison"] = await _node.SignedInAsync("liaison");
        (_searchOfA, _searchOfB) = (await AddSearchAsync("officer", UnitA), await AddSearchAsync("officerB", UnitB));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users.Values)
        {
            user.Dispose();
        }

        await _node.DisposeAsync();
    }

    [Fact]
    public async Task EachOthersSearch_IsNotFoundWithOneDenial_OwnIsShownWithOneReadEntry()
    {
        (string Reader, Func<Guid> Search, HttpStatusCode Expected)[] table =
        [
            ("officer", () => _searchOfA, HttpStatusCode.OK),
            ("officer", () => _searchOfB, HttpStatusCode.NotFound),
            ("officerB", () => _searchOfB, HttpStatusCode.OK),
            ("officerB", () => _searchOfA, HttpStatusCode.NotFound),
            ("liaison", () => _searchOfA, HttpStatusCode.NotFound),
        ];
        foreach (var (reader, search, expected) in table)
        {
            var before = await CountAsync(reader);

            var response = await _users[reader].GetAsync($"api/v1/consultation/searches/{search()}", Ct);

            var body = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(expected, $"{reader} on {search()}: {body}");
            var after = await CountAsync(reader);
            if (expected == HttpStatusCode.OK)
            {
                (after.Read - before.Read, after.Denied - before.Denied).ShouldBe((1, 0), $"{reader} reads {search()}");
            }
            else
            {
                (after.Read - before.Read, after.Denied - before.Denied).ShouldBe((0, 1), $"{reader} refused {search()}");
                var missing = await _users[reader].GetAsync($"api/v1/consultation/searches/{Guid.NewGuid()}", Ct);
                WithoutInstance(body).ShouldBe(WithoutInstance(await missing.Content.ReadAsStringAsync(Ct)));
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            }
        }
    }

    private async Task<Guid> AddSearchAsync(string by, string unit)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await QueryAsync(_node, async db =>
        {
            db.ConsultationSearches.Add(new ConsultationSearch
            {
                Id = id, Context = ConsultationContext.HitNoHit, DataSet = DataSet.Vehicles, Criteria = """{"plate":"1ABC123"}""",
                Purpose = "identity check", CaseReference = $"BE-2026-{unit.Length}", RequestedBy = by, OwnerUnit = unit,
                Partners = [CountryCode.Parse("NL")], StartedAt = now, Deadline = now.AddMinutes(5),
            });
            // The Dutch answer with one vehicle: what a read shows, and audits.
            db.ConsultationAnswers.Add(new ConsultationAnswerRow
            {
                SearchId = id, Country = CountryCode.Parse("NL"), Level = "hit-no-hit", Hit = true,
                Items = $$"""[{"reference":"registry-vehicle:{{unit.Length}}","score":1,"fields":{},"explanation":[]}]""", ReceivedAt = now,
            });
            return await db.SaveChangesAsync(Ct);
        });
        return id;
    }

    private Task<(int Read, int Denied)> CountAsync(string actor) => QueryAsync(_node, async db =>
        (await db.AuditEntries.CountAsync(e => e.Actor == actor && e.Action == AuditActions.ConsultationRead, Ct),
         await db.AuditEntries.CountAsync(e => e.Actor == actor && e.Action == AuditActions.AccessDenied, Ct)));

    private static string WithoutInstance(string problem)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(problem)!;
        fields.Remove("instance");
        fields.Remove("traceId");
        return JsonSerializer.Serialize(fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary());
    }
}
