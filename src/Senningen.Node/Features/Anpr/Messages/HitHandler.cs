using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
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
/// board. The sender names the entry by its own copy's id, which means nothing here: the hit is linked to this node's own
/// entry, found by what makes an entry unique (owner, plate, category), and shows that entry's action, never the
/// sender's. A sender this node does not exchange hits with, or a hit on an entry this node does not list (a stale or
/// forged copy), is refused on receipt with a signed rejection naming the rule; if the entry went between receipt and
/// handling, the hit is dropped as an audited anomaly. Either way nothing is shown.
/// </summary>
internal sealed class HitHandler(AuditLog audit, AnprSettings anpr, NodeSettings settings, HitZones zones, ChangeFeed<HitsChanged> feed,
    TimeProvider clock) : IMessageHandler<HitPayload>, IMessageAdmission<HitPayload>
{
    public async ValueTask<string?> RefusalAsync(CountryCode sender, HitPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        !CountryCode.TryParseParty(sender.Value, out var party) || !anpr.ExchangesWith(party) ? RejectionReasons.NotAnprPartner
        : await OwnEntryAsync(db, payload, cancellationToken) is null ? RejectionReasons.NoSuchEntry
        : null;

    public async Task HandleAsync(InboxMessage message, HitPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var node = Actor.Node(settings);
        if (!CountryCode.TryParseParty(message.Sender.Value, out var sender) || !anpr.ExchangesWith(sender))
        {
            audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Denied, [$"message:{message.Id}"],
                Detail: $"{message.Sender} is not an ANPR exchange partner of this node: {RejectionReasons.NotAnprPartner}"), node);
            return;
        }

        if (await OwnEntryAsync(db, p, cancellationToken) is not { } own)
        {
            audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Denied, [$"message:{message.Id}"],
                Detail: $"{p.Category} hit from {message.Sender} camera {p.CameraId} on an entry this node does not list "
                    + $"(the sender's copy {p.EntryId}): {RejectionReasons.NoSuchEntry}"), node);
            return;
        }

        var hit = new Hit
        {
            Id = p.HitId, Plate = p.Plate, CanonicalKey = Core.Anpr.Plate.TryParse(p.Plate, out var plate) ? plate.Key.ToString() : "",
            Country = p.Country, Confidence = p.Confidence, ObservedAt = p.ObservedAt, Lat = p.Lat, Lon = p.Lon, Zone = zones.Of(p.Lat, p.Lon),
            CameraId = p.CameraId, CameraName = p.CameraName, Source = p.Source == "partner" ? CameraSource.Partner : CameraSource.Police,
            EntryId = own.Id.ToString(), EntryPlate = own.ListedAs, Category = own.Category, Action = own.Action,
            Owner = settings.Country, Score = p.Score, Confusions = string.Join('\n', p.Confusions),
            ReceivedAt = clock.GetUtcNow(), ReceivedFrom = sender,
        };
        db.AnprHits.Add(hit);
        var sendersAction = AnprNames.Actions[p.Action];
        audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Success, [$"hit:{hit.Id}", $"hotlist:{hit.EntryId}"],
            Recipient: settings.Country.Value, Detail: $"{p.Category} hit from {message.Sender} camera {p.CameraId}; the sender's copy of the entry is {p.EntryId}"
                + (sendersAction == own.Action ? "" : $"; it said {p.Action}, this node's entry says {AnprNames.Of(own.Action)} (shown)")), node);
        db.AfterCommit(() => feed.Publish(default(HitsChanged)));
    }

    // Listed as in the owner's import: plate text normalised the same way, in the category the sender names.
    private async Task<ListedPlate?> OwnEntryAsync(SenningenDbContext db, HitPayload p, CancellationToken ct)
    {
        var category = AnprNames.Categories[p.Category];
        var listed = Core.Anpr.Plate.TryParse(p.EntryPlate, out var entryPlate) ? entryPlate.Text : p.EntryPlate;
        var country = settings.Country;
        return await db.AnprHotlist.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Owner == country && e.PlateText == listed && e.Category == category, ct);
    }
}
