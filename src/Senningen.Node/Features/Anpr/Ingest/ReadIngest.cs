using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Hits;
using Senningen.Node.Features.Anpr.Hotlists;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>
/// Checks, matches and stores one batch in one transaction: police reads in bulk through one prepared INSERT, hits with
/// their audit entries and outgoing messages. A partner-source read that hits nothing is dropped here, before any
/// write (data minimisation); the console is told about new hits after the commit.
/// </summary>
internal sealed class ReadIngest(SenningenDbContext db, LiveHotlist hotlist, HitRecorder recorder, ChangeFeed<HitsChanged> feed, AnprSettings settings,
    RunAppender runs, CurrentOfficer officer, Texts texts, TimeProvider clock)
{
    /// <param name="actor">Who sent the reads, when not the current officer (the demo's synthetic traffic acts as the node).</param>
    public async Task<ReadBatchResult> RecordAsync(IReadOnlyList<PlateReadInput?> inputs, CancellationToken ct, Actor? actor = null)
    {
        var now = clock.GetUtcNow();
        var cameras = await CamerasAsync(inputs, ct);
        var rejected = new List<RejectedRead>();
        var stored = new List<StoredRead>(inputs.Count);
        var hits = new List<Hit>();
        actor ??= officer.Actor;
        var index = hotlist.Current;
        for (var i = 0; i < inputs.Count; i++)
        {
            if (ReadRules.Check(i, inputs[i], cameras, settings, now, texts, rejected) is not { } read)
            {
                continue;
            }

            var matches = index.Match(read.Read);
            for (var m = 0; m < matches.Count; m++)
            {
                hits.Add(await recorder.RecordAsync(read, matches[m], now, actor, ct));
            }

            if (read.Camera.Source == CameraSource.Police)
            {
                stored.Add(ToRow(read, now));
            }
        }

        if (stored.Count > 0 || hits.Count > 0)
        {
            await db.SaveChangesAsync(token => StoredReads.InsertAsync(db, stored, runs, token), ct);
        }

        if (hits.Count > 0)
        {
            feed.Publish(default(HitsChanged));
        }

        // A partner source never learns that one of its reads hit: its hits go to the control room only.
        var visible = hits.Where(h => h.Source == CameraSource.Police).Select(HitViews.From).ToList();
        return new ReadBatchResult(inputs.Count - rejected.Count, rejected, visible);
    }

    private async Task<Dictionary<string, Camera>> CamerasAsync(IReadOnlyList<PlateReadInput?> inputs, CancellationToken ct)
    {
        var ids = inputs.Select(r => r?.CameraId?.Trim()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.AnprCameras.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct);
    }

    private static StoredRead ToRow(CheckedRead read, DateTimeOffset receivedAt) => new()
    {
        CameraId = read.Camera.Id,
        Plate = read.Plate.Text,
        CanonicalKey = read.Plate.Key.ToString(),
        Candidates = read.Candidates is { Count: > 0 } c
            ? JsonSerializer.Serialize(c.Select(x => new { plate = x!.Plate, confidence = x.Confidence }))
            : null,
        Country = read.Country,
        Confidence = read.Confidence,
        ObservedAt = read.Read.At,
        Lat = read.Lat,
        Lon = read.Lon,
        ReceivedAt = receivedAt,
    };
}
