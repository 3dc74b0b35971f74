using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// The Belgian node is killed while the ANPR desk imports a large hotlist under an <c>Idempotency-Key</c>; after the
/// restart the desk sends each import again under its key.
/// </summary>
public sealed class HotlistImportFaultTests
{
    private const int Tries = 3;
    private const int Lines = 4_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LargeImport_KilledMidWrite_LeavesTheOldListOrTheWholeNewOne_AuditedExactlyThen_AndItsRetryAppliesOnce() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1908), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE"], settings: _ => FaultLoop.Settings());
            var be = network["BE"];
            await be.StartAgainAsync();
            using (var desk = await be.SignedInAsync("liaison"))
            {
                await ImportCsvAsync(desk, List(0));
            }

            await be.StopAsync();

            var tries = await FaultLoop.RunAsync(be, random, Tries, 100, 2500, "liaison", async (i, desk, ct) =>
            {
                using var response = await desk.SendAsync(Import(i + 1), ct);
                response.EnsureSuccessStatusCode();
            });

            await be.StartAgainAsync();
            (await ListedAsync(be, 0)).ShouldBe(Lines, "the list before the kills is whole");
            using var retrying = await be.SignedInAsync("liaison");
            var applied = 0;
            var importsAudited = await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AnprHotlistImported, Ct));
            foreach (var attempt in tries)
            {
                var list = attempt.Index + 1;
                var listed = await ListedAsync(be, list);
                listed.ShouldBeOneOf([0, Lines], $"try {attempt.Index}: the new list is in place whole or not at all");
                if (attempt.Answered)
                {
                    listed.ShouldBe(Lines, $"try {attempt.Index}: an answered import is in place");
                }

                if (listed == Lines)
                {
                    (await AuditedAsync(be, list)).ShouldBe(1, $"try {attempt.Index}: an import in place is audited once");
                    applied++;
                }

                using var retried = await FaultLoop.RetryAsync(() => retrying.SendAsync(Import(list), Ct));
                retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync(Ct));
                Replayed(retried).ShouldBe(listed == Lines, $"try {attempt.Index}: a committed import is replayed, a lost one applied");
                using var again = await retrying.SendAsync(Import(list), Ct);
                Replayed(again).ShouldBeTrue();
                (await ListedAsync(be, list)).ShouldBe(Lines, $"try {attempt.Index}: after its retry the list is in place once");
                (await AuditedAsync(be, list)).ShouldBe(1, $"try {attempt.Index}: and audited once");
            }

            // One entry for the list before the kills and one per import in place: none for an import the kill undid.
            importsAudited.ShouldBe(1 + applied, "an import's entry exists exactly when its list is in place");
            TestContext.Current.TestOutputHelper?.WriteLine($"{applied} of {Tries} imports in place after the kills, {Tries - applied} applied by their retry; each audited once");
            await FaultLoop.AuditVerifiesAsync(be);
        });

    private static HttpRequestMessage Import(int list)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/anpr/hotlist/import") { Content = new StringContent(List(list), Encoding.UTF8, "text/csv") };
        request.Headers.Add("Idempotency-Key", $"fault-hotlist-{list}");
        return request;
    }

    // Belgian plates of one list share their first digit; each line is a distinct plate.
    private static string List(int list) => string.Join('\n', Enumerable.Range(0, Lines).Select(n => Line(Plate(list, n), "stolen-vehicle", "BE")).Prepend(CsvHeader));

    private static string Plate(int list, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{list + 1}-K{(char)('A' + (n / 1000))}{(char)('A' + (n / 100 % 10))}-{n % 100:000}");

    private static Task<int> ListedAsync(TestNode node, int list)
    {
        var (prefix, dashed) = ($"{list + 1}K", $"{list + 1}-K");
        return QueryAsync(node, db => db.AnprHotlist.CountAsync(e => e.PlateText.StartsWith(prefix) || e.PlateText.StartsWith(dashed), Ct));
    }

    // The import's entry names every entry it added: it is this list's when it names the list's first plate.
    private static async Task<int> AuditedAsync(TestNode node, int list)
    {
        var (first, dashed) = (Plate(list, 0).Replace("-", "", StringComparison.Ordinal), Plate(list, 0));
        var id = await QueryAsync(node, db => db.AnprHotlist.Where(e => e.PlateText == first || e.PlateText == dashed).Select(e => e.Id).SingleAsync(Ct));
        var record = $"hotlist:{id}";
        return await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AnprHotlistImported && e.Records.Contains(record), Ct));
    }

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
}
