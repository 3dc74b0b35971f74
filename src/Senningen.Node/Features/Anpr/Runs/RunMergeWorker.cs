using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// SQLite only: merges runs whenever ingestion seals one (and every half minute regardless, which also finishes a
/// merge cut short by a stop). Merges run one after another under <see cref="RunLock"/> until none is due.
/// </summary>
internal sealed partial class RunMergeWorker(IServiceScopeFactory scopes, RunSignal signal, RunLock runLock, ILogger<RunMergeWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var probe = scopes.CreateAsyncScope())
        {
            if (!probe.ServiceProvider.GetRequiredService<SenningenDbContext>().Database.IsSqlite())
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MergeWhileDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A merge that fails leaves its inputs live and its output building: the next pass deletes the output.
                LogFailed(logger, e);
            }

            await signal.WaitAsync(Idle, stoppingToken);
        }
    }

    private async Task MergeWhileDueAsync(CancellationToken ct)
    {
        using var held = await runLock.EnterAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var merger = scope.ServiceProvider.GetRequiredService<RunMerger>();
        bool merged;
        do
        {
            merged = await merger.MergeOnceAsync(ct);
        }
        while (merged);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANPR read index: merge failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
