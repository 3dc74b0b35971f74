using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Ingest;
using Senningen.Node.Features.Anpr.Messages;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>
/// Puts a hit of one of this node's cameras into the current unit of work: the hit row, its audit entry and, when the
/// entry belongs to an ANPR-exchange partner, the <c>anpr.hit</c> message to that partner.
/// </summary>
internal sealed class HitRecorder(SenningenDbContext db, Outbox outbox, AuditLog audit, AnprSettings anpr, NodeSettings settings, HitZones zones)
{
    public async Task<Hit> RecordAsync(CheckedRead read, HotlistHit match, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var owner = match.Owner;
        var sendTo = owner != settings.Country && anpr.ExchangesWith(owner) && settings.Partners.Any(p => p.Country == owner)
            ? owner : (CountryCode?)null;
        var (lat, lon) = (read.Lat ?? read.Camera.Lat, read.Lon ?? read.Camera.Lon);
        var hit = new Hit
        {
            Id = Guid.CreateVersion7(now),
            Plate = match.Read.Text,
            CanonicalKey = match.Read.Key.ToString(),
            Country = read.Country,
            Confidence = read.Read.Candidates[match.Candidate].Confidence,
            ObservedAt = read.Read.At.AsStored(),
            Lat = lat,
            Lon = lon,
            Zone = zones.Of(lat, lon),
            CameraId = read.Camera.Id,
            CameraName = read.Camera.Name,
            Source = read.Camera.Source,
            EntryId = match.Entry.Id,
            EntryPlate = match.Entry.Plate.Text,
            Category = match.Category,
            Action = match.Action,
            Owner = owner,
            Score = match.Score,
            Confusions = string.Join('\n', match.Confusions.Select(c => $"{c.Position}:{c.Read}={c.Listed}")),
            ReceivedAt = now.AsStored(),
            SentTo = sendTo,
        };
        db.AnprHits.Add(hit);
        audit.Add(new AuditRecord(AuditActions.AnprHit, AuditOutcomes.Success, [$"hit:{hit.Id}", $"hotlist:{hit.EntryId}", $"camera:{hit.CameraId}"],
            Recipient: hit.SentTo?.Value, Detail: $"{AnprNames.Of(match.Category)} of {hit.Owner}, score {hit.Score:0.00}"), actor);
        if (sendTo is { } partner)
        {
            await outbox.EnqueueAsync(partner, HitPayload.Type, 1, ToPayload(hit), actor: actor, cancellationToken: ct);
        }

        return hit;
    }

    private static HitPayload ToPayload(Hit h) =>
        new(h.Id, h.EntryId, h.EntryPlate, AnprNames.Of(h.Category), AnprNames.Of(h.Action), h.Plate, h.Country,
            h.Confidence, h.ObservedAt, h.Lat, h.Lon, h.CameraId, h.CameraName, AnprNames.Of(h.Source),
            h.Score, h.Confusions.Length == 0 ? [] : h.Confusions.Split('\n'));
}
