using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Witness;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Audit.Restore;
using Senningen.Node.Features.Audit.Witness.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Backup;

/// <summary>
/// Two real nodes. Belgium is backed up with the shipped script, then lives on: more audit entries, a larger head the
/// Netherlands witnesses, messages from the Netherlands it receipts. Then it is stopped, restored with the shipped
/// script and started: its log still verifies, it says plainly that the Netherlands holds a head its log no longer
/// reaches, and the messages it lost arrive again from the Netherlands' outbox.
/// </summary>
public sealed class RestoreFromBackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task RestoredNode_VerifiesItsLog_ReportsThePartnersNewerHead_AndReceivesTheLostMessagesAgain(Store store)
    {
        var tools = store == Store.Sqlite ? "sqlite3" : "pg_dump";
        if (!OnPath(tools))
        {
            Infrastructure.Missing(tools);
        }

        await using var network = await TestNetwork.StartAsync(["BE", "NL"], store);
        try
        {
            await RestoreAndCheckAsync(network["BE"], network["NL"]);
        }
        finally
        {
            await SetAsideDatabases.DropAsync(network["BE"], Ct);
        }
    }

    private static async Task RestoreAndCheckAsync(TestNode belgium, TestNode netherlands)
    {
        await WriteAsync(belgium, 10);
        await PublishedAndConfirmedAsync(belgium, netherlands, confirmations: 1);
        var backups = Path.Combine(belgium.DataDirectory, "backups");
        var backup = await BackUpAsync(belgium, backups);

        // Life after the backup: all of it is in Belgium's database only, and is lost with the restore.
        await WriteAsync(belgium, 60);
        var witnessed = await PublishedAndConfirmedAsync(belgium, netherlands, confirmations: 2);
        var lost = await EnqueueAsync(netherlands, "BE", 3);
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.Outbox.CountAsync(m => lost.Contains(m.Id) && m.Status == OutboxStatus.Receipted, Ct)) == 3,
            "Belgium receipted the three messages");

        // A node process holds its database from its first query on (its pooled connections); here the node shares the
        // test process, whose other tests may just have cleared every pool, so the process holds one of its own.
        await using (var held = await HoldDatabaseAsync(belgium))
        {
            var refused = await RestoreAsync(belgium, backup);
            refused.ExitCode.ShouldNotBe(0);
            refused.Error.ShouldContain("refused");
        }

        await belgium.StopAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        var restored = await RestoreAsync(belgium, backup);
        restored.ExitCode.ShouldBe(0, restored.Error);
        await belgium.StartAgainAsync();

        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.Inbox.CountAsync(m => lost.Contains(m.Id), Ct)) == 3,
            "the messages sent to Belgium after the backup arrived again");
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.WitnessAlarms.AnyAsync(a => a.Rule == WitnessRules.LogBehindPartner, Ct)),
            "Belgium found that the Netherlands holds a head its log does not reach");
        File.Exists(Path.Combine(belgium.DataDirectory, RestoreMarker.FileName)).ShouldBeFalse();
        // Stored anew, not recognised: the restored inbox had lost them, so none was answered as a duplicate.
        var records = lost.Select(id => $"message:{id}").ToList();
        var receptions = await QueryAsync(belgium, db => db.AuditEntries.Where(e => e.Action == AuditActions.MessageReceived || e.Action == AuditActions.MessageDuplicate)
            .Select(e => new { e.Action, e.Records }).ToListAsync(Ct));
        receptions.Where(e => records.Any(r => e.Records.Contains(r, StringComparison.Ordinal))).Select(e => e.Action)
            .ShouldBe([AuditActions.MessageReceived, AuditActions.MessageReceived, AuditActions.MessageReceived]);
        var alarm = await QueryAsync(belgium, db => db.WitnessAlarms.SingleAsync(a => a.Rule == WitnessRules.LogBehindPartner, Ct));
        alarm.Partner.Value.ShouldBe("NL");
        alarm.Detail.ShouldContain($"head of {witnessed} entries");
        alarm.Detail.ShouldContain("entries signed before the restore are missing");
        (await QueryAsync(belgium, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AuditRestoreChecked && e.Outcome == AuditOutcomes.Failed, Ct)))
            .ShouldBe(1);
        (await QueryAsync(netherlands, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ExchangeResyncHonoured && e.Outcome == AuditOutcomes.Success, Ct)))
            .ShouldBe(1);

        using var dpo = await belgium.SignedInAsync("dpo");
        await belgium.AuditIntegratedAsync();
        (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct))!.Intact.ShouldBeTrue("the restored log agrees with its own heads");
        // The Netherlands' signed confirmation of the larger head came back with the rest: `senn audit verify` names it.
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.HeadConfirmations.AnyAsync(c => c.Size == witnessed, Ct)),
            "the Netherlands' confirmation of the larger head arrived again");
        var against = (await dpo.GetFromJsonAsync<WitnessedVerification>("api/v1/audit/tree-heads/verify", Ct))!;
        against.Log.Intact.ShouldBeFalse();
        against.Log.FailedHeadSize.ShouldBe(witnessed);
    }

    [Fact]
    public async Task ResyncRequest_WithSinceOutsideTheMessageLifetime_IsRefusedNamingTheField()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var admin = await network["BE"].SignedInAsync("admin");

        var stale = await admin.PostAsJsonAsync("api/v1/exchange/resync", new { since = "2001-01-01T00:00:00Z" }, Ct);
        var garbled = await admin.PostAsJsonAsync("api/v1/exchange/resync", new { since = "yesterday" }, Ct);
        using var dpo = await network["BE"].SignedInAsync("dpo");
        var forbidden = await dpo.PostAsJsonAsync("api/v1/exchange/resync", new { }, Ct);

        stale.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("\"since\"");
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("\"range\"");
        garbled.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await garbled.Content.ReadAsStringAsync(Ct)).ShouldContain("\"since\"");
        forbidden.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SecondResyncRequestWithinAMinute_ResendsNothing_AndIsAuditedAsDenied()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var (belgium, netherlands) = (network["BE"], network["NL"]);
        var sent = await EnqueueAsync(netherlands, "BE", 2);
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.Outbox.CountAsync(m => sent.Contains(m.Id) && m.Status == OutboxStatus.Receipted, Ct)) == 2,
            "Belgium receipted both");
        using var admin = await belgium.SignedInAsync("admin");

        (await admin.PostAsJsonAsync("api/v1/exchange/resync", new { since = DateTimeOffset.UtcNow.AddMinutes(-5) }, Ct)).EnsureSuccessStatusCode();
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ExchangeResyncHonoured, Ct)) == 1,
            "the Netherlands honoured the first request");
        (await admin.PostAsJsonAsync("api/v1/exchange/resync", new { since = DateTimeOffset.UtcNow.AddMinutes(-5) }, Ct)).EnsureSuccessStatusCode();
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ExchangeResyncHonoured, Ct)) == 2,
            "the Netherlands answered the second request");

        var outcomes = await QueryAsync(netherlands, db => db.AuditEntries.Where(e => e.Action == AuditActions.ExchangeResyncHonoured).OrderBy(e => e.Sequence)
            .Select(e => e.Outcome).ToListAsync(Ct));
        outcomes.ShouldBe([AuditOutcomes.Success, AuditOutcomes.Denied]);
        // Both messages were still held by Belgium: the resend is answered with the first receipts, audited as duplicates.
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.MessageDuplicate, Ct)) >= 2,
            "Belgium answered the resent messages with their first receipts");
        (await QueryAsync(belgium, db => db.Inbox.CountAsync(m => sent.Contains(m.Id), Ct))).ShouldBe(2);
    }

    /// <summary>BE publishes its head and waits for NL's verdict number <paramref name="confirmations"/>; returns the size NL holds.</summary>
    private static async Task<long> PublishedAndConfirmedAsync(TestNode belgium, TestNode netherlands, int confirmations)
    {
        await belgium.AuditIntegratedAsync();
        using var dpo = await belgium.SignedInAsync("dpo");
        await belgium.AuditIntegratedAsync();
        using var published = await dpo.PostAsync("api/v1/audit/tree-heads/publish", null, Ct);
        published.EnsureSuccessStatusCode();
        var head = (await published.Content.ReadFromJsonAsync<TreeHeadsPublished>(Ct))!.Head.ShouldNotBeNull();
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.HeadConfirmations.CountAsync(Ct)) == confirmations, "BE has NL's verdict");
        (await QueryAsync(netherlands, db => db.WitnessedHeads.MaxAsync(h => h.Size, Ct))).ShouldBe(head.Size);
        return head.Size;
    }

    private static async Task<System.Data.Common.DbConnection> HoldDatabaseAsync(TestNode node)
    {
        System.Data.Common.DbConnection connection = node.Store == Store.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(node.Database.ConnectionString) { Pooling = false }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder(node.Database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task WriteAsync(TestNode node, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < count; i++)
        {
            await audit.WriteAsync(new AuditRecord("audit.read", AuditOutcomes.Success, [$"test:{i}"]), new Actor("writer", "tests", "BE"), Ct);
        }
    }

    private static async Task<string> BackUpAsync(TestNode node, string directory)
    {
        var (code, output, error) = node.Store == Store.Sqlite
            ? await ScriptAsync("backup-sqlite.sh", ["--db", SqlitePath(node), "--out", directory])
            : await ScriptAsync("backup-postgres.sh", ["dump", "--dbname", Libpq(node), "--out", directory]);
        code.ShouldBe(0, error);
        return output.Trim();
    }

    private static Task<(int ExitCode, string Output, string Error)> RestoreAsync(TestNode node, string backup) =>
        node.Store == Store.Sqlite
            ? ScriptAsync("restore-sqlite.sh", ["--backup", backup, "--db", SqlitePath(node), "--data-dir", node.DataDirectory])
            : ScriptAsync("restore-postgres.sh", ["dump", "--backup", backup, "--dbname", Libpq(node), "--data-dir", node.DataDirectory]);

    private static string SqlitePath(TestNode node) => new SqliteConnectionStringBuilder(node.Database.ConnectionString).DataSource;

    private static string Libpq(TestNode node)
    {
        var cs = new NpgsqlConnectionStringBuilder(node.Database.ConnectionString);
        return $"host={cs.Host} port={cs.Port} user={cs.Username} dbname={cs.Database}";
    }

    private static async Task<(int ExitCode, string Output, string Error)> ScriptAsync(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(NodeTools.RepositoryRoot(), "deploy", "backup", script))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (Infrastructure.PostgresConnectionString is { } admin)
        {
            // libpq reads the password from the environment, never from the command line.
            start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(admin).Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));
}
