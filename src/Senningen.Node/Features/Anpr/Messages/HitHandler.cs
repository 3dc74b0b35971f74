using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Hits;

namespace Senningen.Node.Features.Anpr.Messages;

/// <summary>
/// Owner side of <c>anpr.hit</c>: a partner's camera read a plate of this node's hotlist; the hit goes on this node's hit
/// board. A sender this node does not exchange ANPR hits with is refused (audited, nothing stored).
/// The sender names the entry by its own copy's id, which means nothing here: the hit is linked to this node's own
/// entry, found by what makes an entry unique (owner, plate, category). When this node has no such entry any more,
/// the partner matched on a stale copy of the shared list: the hit is still shown, and the audit entry says so.
/// </summary>
internal sealed class HitHandler(AuditLog audit, AnprSettings anpr, NodeSettings settings, HitZones zones, ChangeFeed<HitsChanged> feed,
    TimeProvider clock) : IMessageHandler<HitPayload>
{
    public async Task HandleAsync(InboxMessage message, HitPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var node = Actor.Node(settings);
        if (!CountryCode.TryParseParty(message.Sender.Value, out var sender) || !anpr.ExchangesWith(sender))
        {
            audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Denied, [$"message:{message.Id}"],
                Detail: $"{message.Sender} is not an ANPR exchange partner of this node"), node);
            return;
        }

        var category = AnprNames.Categories[p.Category];
        var listed = Core.Anpr.Plate.TryParse(p.EntryPlate, out var entryPlate) ? entryPlate.Text : p.EntryPlate;
        var country = settings.Country;
        var own = await db.AnprHotlist.AsNoTracking()
            .Where(e => e.Owner == country && e.PlateText == listed && e.Category == category)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

        var hit = new Hit
        {
            Id = p.HitId, Plate = p.Plate, CanonicalKey = Core.Anpr.Plate.TryParse(p.Plate, out var plate) ? plate.Key.ToString() : "",
            Country = p.Country, Confidence = p.Confidence, ObservedAt = p.ObservedAt, Lat = p.Lat, Lon = p.Lon, Zone = zones.Of(p.Lat, p.Lon),
            CameraId = p.CameraId, CameraName = p.CameraName, Source = p.Source == "partner" ? CameraSource.Partner : CameraSource.Police,
            EntryId = own?.ToString() ?? p.EntryId, EntryPlate = p.EntryPlate, Category = category, Action = AnprNames.Actions[p.Action],
            Owner = country, Score = p.Score, Confusions = string.Join('\n', p.Confusions),
            ReceivedAt = clock.GetUtcNow(), ReceivedFrom = sender,
        };
        db.AnprHits.Add(hit);
        audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Success, [$"hit:{hit.Id}", $"hotlist:{hit.EntryId}"],
            Recipient: settings.Country.Value, Detail: $"{p.Category} hit from {message.Sender} camera {p.CameraId}; " + (own is null
                ? $"no entry for {listed} in this category on this node's list (the sender's copy {p.EntryId} is stale)"
                : $"the sender's copy of the entry is {p.EntryId}")), node);
        db.AfterCommit(() => feed.Publish(default(HitsChanged)));
    }
}
