using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Ingest;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary>
/// Demo and training only (<c>Senningen:Anpr:DemoReadsPerSecond</c>, refused outside demo mode): the node's police
/// cameras read passing traffic, plates in the formats of the region, and every <c>DemoListedEvery</c>-th read is a
/// vehicle on the hotlist — every other one of those with an OCR confusion — so the hit board, its map and the exchange
/// to the entry's owner can be shown. The reads go through the real ingest, as a camera gateway's would. The cameras
/// are the node's, not an instance's: one instance sends them (<see cref="InstanceLeadership"/>).
/// </summary>
internal sealed partial class DemoReadStream(IServiceScopeFactory scopes, AnprSettings settings, NodeSettings node, TimeProvider clock,
    InstanceLeadership leadership, ILogger<DemoReadStream> logger) : BackgroundService
{
    public const string Role = "anpr-demo-reads";

    private const string Letters = "BDFGHJKLNPRSTVXZ";
    private readonly Random _random = new(20261123);
    private long _sent;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        settings.DemoReadsPerSecond == 0 || !node.DemoMode ? Task.CompletedTask : leadership.RunWhileLeadingAsync(Role, StreamAsync, stoppingToken);

    private async Task StreamAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendSecondAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
            {
                LogStreamFailed(logger, ex);
            }
        }
    }

    private async Task SendSecondAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var cameras = await db.AnprCameras.AsNoTracking().Where(c => c.Source == CameraSource.Police).OrderBy(c => c.Id).ToListAsync(ct);
        if (cameras.Count == 0)
        {
            return;
        }

        var listed = await db.AnprHotlist.AsNoTracking().OrderBy(p => p.ListedAs).Select(p => p.ListedAs).Take(50).ToListAsync(ct);
        var reads = new List<PlateReadInput?>(settings.DemoReadsPerSecond);
        for (var i = 0; i < settings.DemoReadsPerSecond; i++)
        {
            var camera = cameras[_random.Next(cameras.Count)];
            var turn = ++_sent / settings.DemoListedEvery;
            var plate = _sent % settings.DemoListedEvery == 0 && listed.Count > 0
                ? Read(listed[(int)(turn % listed.Count)], confused: turn % 2 == 1)
                : Passing();
            reads.Add(new PlateReadInput(camera.Id, plate, null, null, 0.9, clock.GetUtcNow(), camera.Lat, camera.Lon));
        }

        await scope.ServiceProvider.GetRequiredService<ReadIngest>().RecordAsync(reads, ct, Actor.Node(node));
    }

    // Belgian, Dutch and French formats, the traffic of a Benelux border crossing.
    private string Passing() => _random.Next(3) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 10)}-{Letter()}{Letter()}{Letter()}-{_random.Next(100, 1000)}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{Letter()}{Letter()}-{_random.Next(100, 1000)}-{Letter()}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Letter()}{Letter()}-{_random.Next(100, 1000)}-{Letter()}{Letter()}"),
    };

    private char Letter() => Letters[_random.Next(Letters.Length)];

    /// <summary>How a camera reads a listed plate: as listed, or with the first digit an OCR engine takes for a letter.</summary>
    private static string Read(string listed, bool confused)
    {
        if (!confused)
        {
            return listed;
        }

        var at = listed.IndexOfAny(['8', '0', '1', '5', '2', '6']);
        return at < 0 ? listed : string.Concat(listed.AsSpan(0, at), "BOISZG"["801526".IndexOf(listed[at], StringComparison.Ordinal)].ToString(), listed.AsSpan(at + 1));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A second of demo reads could not be ingested; the next one is tried")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
