using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// Turns confirmed crossings into timeline lines, audit entries and messages to the partner whose territory or zone
/// was entered or left, and forwards positions to the partner a unit is on. Adds to the unit of work; saves nothing.
/// </summary>
internal sealed class CrossingNotifier(SenningenDbContext db, Outbox outbox, AuditLog audit, NodeSettings settings)
{
    /// <param name="actor">Who sent the fixes: the audit entries and messages are theirs, also when a writer stores them later.</param>
    public async Task<IReadOnlyList<CrossingView>> NotifyAsync(Operation operation, List<BorderCrossing> crossings, List<PositionFix> forwarded,
        DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var views = new List<CrossingView>(crossings.Count);
        foreach (var crossing in crossings.OrderBy(c => c.At))
        {
            var row = new OperationCrossing
            {
                OperationId = operation.Id, Unit = crossing.Unit, FromCountry = crossing.From, ToCountry = crossing.To,
                FromZone = crossing.FromZone, ToZone = crossing.ToZone, At = crossing.At,
                Lat = crossing.Point.Latitude, Lon = crossing.Point.Longitude, DetectedAt = now,
            };
            db.OperationCrossings.Add(row);
            views.Add(OperationReader.ToView(row));
            await AnnounceAsync(operation, crossing, actor, ct);
        }

        foreach (var group in forwarded.GroupBy(f => operation.Units.First(u => u.CallSign == f.Unit).Country))
        {
            if (IsPartner(group.Key) is { } partner)
            {
                var fixes = group.OrderBy(f => f.Time)
                    .Select(f => new ForwardedFix(f.Unit, f.Time, f.Point.Latitude, f.Point.Longitude, f.Speed, f.Heading)).ToList();
                await outbox.EnqueueAsync(partner, PositionsPayload.Type, 1, new PositionsPayload(operation.Id, fixes),
                    Conversations.For(operation.Id, partner), operation.CaseReference, actor: actor, cancellationToken: ct);
            }
        }

        return views;
    }

    private async Task AnnounceAsync(Operation operation, BorderCrossing crossing, Actor actor, CancellationToken ct)
    {
        var at = crossing.At;
        if (!crossing.IsCountryChange)
        {
            OperationLog.Add(db, operation.Id, at, EventKinds.ZoneChange, crossing.Unit, crossing.FromZone, crossing.ToZone);
        }
        else if (crossing.To == settings.Country)
        {
            OperationLog.Add(db, operation.Id, at, EventKinds.Returned, crossing.Unit, crossing.To.Value);
        }
        else
        {
            OperationLog.Add(db, operation.Id, at, EventKinds.Crossing, crossing.Unit, crossing.From.Value, crossing.To.Value, crossing.ToZone);
        }

        audit.Add(new AuditRecord(AuditActions.OperationCrossing, AuditOutcomes.Success, [$"operation:{operation.Id}"],
            CaseReference: operation.CaseReference,
            Detail: $"{crossing.Unit}: {crossing.From}/{crossing.FromZone} → {crossing.To}/{crossing.ToZone}"), actor);

        if (crossing.IsCountryChange && IsPartner(crossing.From) is { } left)
        {
            await outbox.EnqueueAsync(left, LeftPayload.Type, 1,
                new LeftPayload(operation.Id, crossing.Unit, crossing.To.Value, at, OccupiedZones(operation, left)),
                Conversations.For(operation.Id, left), operation.CaseReference, actor: actor, cancellationToken: ct);
        }

        if (IsPartner(crossing.To) is { } entered && crossing.ToZone is { } zone)
        {
            // An urgent observation may cross first and ask afterwards: the clock for the authorisation starts at the first crossing.
            if (operation.Type == OperationTypes.ObservationUrgent && operation.AuthorisationDeadline is null)
            {
                // As the column keeps it: the crossing message below carries it before it is read back.
                operation.AuthorisationDeadline = UnixMillisecondsConverter.Truncate(at + settings.Operations.UrgentObservationAuthorisationWithin);
            }

            await NotifyPartnerAsync(operation, crossing, entered, zone, actor, ct);
        }
    }

    private async Task NotifyPartnerAsync(Operation operation, BorderCrossing crossing, CountryCode partner, string zone, Actor actor,
        CancellationToken ct)
    {
        var unit = operation.Units.First(u => u.CallSign == crossing.Unit);
        var payload = new CrossingPayload(operation.Id, operation.Type, operation.HomeCountry.Value, operation.HomeZone,
            [.. operation.Units.Select(u => u.Vehicle is null ? u.CallSign : $"{u.CallSign} ({u.Vehicle})")],
            OperationReader.Lines(operation.Vehicles), operation.Suspect, operation.Reason, crossing.Unit, crossing.From.Value,
            crossing.FromZone, zone, crossing.At, crossing.Point.Latitude, crossing.Point.Longitude, unit.LastHeading, unit.LastSpeed,
            operation.AuthorisationDeadline, OccupiedZones(operation, partner));
        var conversation = Conversations.For(operation.Id, partner);
        var message = await outbox.EnqueueAsync(partner, CrossingPayload.Type, 1, payload, conversation, operation.CaseReference,
            actor: actor, cancellationToken: ct);
        var notice = db.PartnerNotices.Local.FirstOrDefault(n => n.OperationId == operation.Id && n.Partner == partner && n.Zone == zone)
            ?? await db.PartnerNotices.FirstOrDefaultAsync(n => n.OperationId == operation.Id && n.Partner == partner && n.Zone == zone, ct);
        if (notice is null)
        {
            db.PartnerNotices.Add(new PartnerNotice
            {
                OperationId = operation.Id, Partner = partner, Zone = zone, ConversationId = conversation, MessageId = message.Id,
                SentAt = message.CreatedAt,
            });
        }

        OperationLog.Add(db, operation.Id, crossing.At, EventKinds.Notified, partner.Value, zone);
    }

    private static List<string> OccupiedZones(Operation operation, CountryCode partner) =>
        [.. operation.Units.Where(u => u.Country == partner && u.Zone is not null).Select(u => u.Zone!).Distinct().Order()];

    private CountryCode? IsPartner(CountryCode? country) =>
        country is { IsTreatyParty: true } code && code != settings.Country && settings.Partners.Any(p => p.Country == code) ? code : null;
}
