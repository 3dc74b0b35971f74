using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Audit;

/// <summary>The export is audited when it starts: a DPO's client that goes away part-way has still taken part of the log.</summary>
public sealed class AuditExportStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Export_ClientGoneAfterTheFirstBytes_IsStillAudited(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            // About 16 MB of CSV: more than the socket buffers hold, so the node is still writing when the client leaves.
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var detail = new string('x', 40_000);
            for (var i = 0; i < 400; i++)
            {
                audit.Add(new AuditRecord("audit.read", AuditOutcomes.Success, [$"filler:{i}"], Detail: detail), new Actor("filler", "", "BE"));
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(Ct);
        }

        using var dpo = await node.SignedInAsync("dpo");
        using (var response = await dpo.GetAsync("api/v1/audit/export?user=filler", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(Ct);
            var first = new byte[1024];
            await body.ReadAtLeastAsync(first, first.Length, cancellationToken: Ct);
        }

        await using var check = node.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var export = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AuditExport, Ct);
        export.Actor.ShouldBe("dpo");
        export.Detail.ShouldNotBeNull().ShouldContain("user=filler");
    }
}
