using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Messages;

/// <summary>
/// Owner side of <c>anpr.hit</c>: a partner's camera read a plate of this node's hotlist; the hit goes on this node's hit
/// board. A sender this node does not exchange ANPR hits with is refused (audited, nothing stored).
/// </summary>
internal sealed class HitHandler(AuditLog audit, AnprSettings anpr, NodeSettings settings, HitFeed feed, TimeProvider clock) : IMessageHandler
{
    public string Type => HitPayload.Type;

    public int Version => 1;

    public Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var p = (HitPayload)payload;
        var node = Actor.Node(settings);
        if (!CountryCode.TryParseParty(message.Sender, out var sender) || !anpr.ExchangesWith(sender))
        {
            audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Denied, [$"message:{message.Id}"],
                Detail: $"{message.Sender} is not an ANPR exchange partner of this node"), node);
            return Task.CompletedTask;
        }

        var hit = new Hit
        {
            Id = p.HitId, Plate = p.Plate, CanonicalKey = Core.Anpr.Plate.TryParse(p.Plate, out var plate) ? plate.Key.ToString() : "",
            Country = p.Country, Confidence = p.Confidence, ObservedAtMs = p.ObservedAt.ToUnixTimeMilliseconds(), Lat = p.Lat, Lon = p.Lon,
            CameraId = p.CameraId, CameraName = p.CameraName, Source = p.Source == "partner" ? CameraSource.Partner : CameraSource.Police,
            EntryId = p.EntryId, EntryPlate = p.EntryPlate, Category = (int)AnprNames.Categories[p.Category], Action = (int)AnprNames.Actions[p.Action],
            Owner = settings.Country.Value, Score = p.Score, Confusions = string.Join('\n', p.Confusions),
            ReceivedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(), ReceivedFrom = message.Sender,
        };
        db.AnprHits.Add(hit);
        audit.Add(new AuditRecord(AuditActions.AnprHitReceived, AuditOutcomes.Success, [$"hit:{hit.Id}", $"hotlist:{hit.EntryId}"],
            Recipient: settings.Country.Value, Detail: $"{p.Category} hit from {message.Sender} camera {p.CameraId}"), node);
        SignalAfterCommit(db, feed);
        return Task.CompletedTask;
    }

    private static void SignalAfterCommit(SenningenDbContext db, HitFeed feed)
    {
        void Handler(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= Handler;
            feed.Raised();
        }

        db.SavedChanges += Handler;
    }
}
