using System.Globalization;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>
/// The restore scripts leave <see cref="FileName"/> in the data directory (holding the backup's instant, or nothing):
/// the first start after a restore then asks the partners to resend and to show the heads they hold, without anyone
/// having to remember to. The file is renamed before it is acted on, so of several instances sharing the directory one
/// takes it; it is removed once the requests are committed, and left under its new name for the operator when they fail.
/// </summary>
internal sealed partial class RestoreMarker(IServiceScopeFactory scopes, NodeSettings settings, ILogger<RestoreMarker> logger) : BackgroundService
{
    public const string FileName = "restored-from-backup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var marker = Path.Combine(settings.DataDirectory, FileName);
        var taken = $"{marker}.{Environment.ProcessId}";
        try
        {
            File.Move(marker, taken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return;
        }

        try
        {
            var text = (await File.ReadAllTextAsync(taken, stoppingToken)).Trim();
            DateTimeOffset? since = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<RequestResync>().RunAsync(since, Actor.Node(settings), stoppingToken);
            File.Delete(taken);
            LogResyncRequested(logger, sent.Partners.Count, since);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogResyncFailed(logger, taken, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restored from a backup: {Partners} partners asked to resend (since {Since}) and to show the heads they hold")]
    private static partial void LogResyncRequested(ILogger logger, int partners, DateTimeOffset? since);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restored from a backup, but asking the partners to resend failed; run `senn exchange resync` (marker left at {Marker})")]
    private static partial void LogResyncFailed(ILogger logger, string marker, Exception exception);
}
