using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Common.Audit;

/// <summary>
/// Records audit entries into the current unit of work, so that they commit (or not) with the change they
/// describe. <see cref="WriteAsync"/> is for events that have no change of their own (a read, a denial). Without an
/// actor, the entry names the scope's <see cref="CurrentOfficer"/>: the anonymous actor in a worker's scope, where nobody signed in.
/// </summary>
public sealed class AuditLog(SenningenDbContext db, CurrentOfficer officer, TimeProvider clock, AuditAppended appended)
{
    private bool _notifying;

    public void Add(AuditRecord record, Actor? actor = null)
    {
        actor ??= officer.Actor;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = UnixMillisecondsConverter.Truncate(clock.GetUtcNow()),
            Actor = actor.Name,
            ActorUnit = actor.Unit,
            ActorCountry = actor.Country,
            Action = record.Action,
            Outcome = record.Outcome,
            Records = record.Records is { Count: > 0 } records ? string.Join('\n', records) : "",
            Purpose = record.Purpose,
            CaseReference = record.CaseReference,
            Recipient = record.Recipient,
            Detail = record.Detail,
        });
        if (!_notifying)
        {
            // After the save, once per unit of work: the sequencer then finds the entries committed.
            _notifying = true;
            db.AfterCommit(() =>
            {
                _notifying = false;
                appended.Notify();
            });
        }
    }

    public async Task WriteAsync(AuditRecord record, Actor? actor = null, CancellationToken cancellationToken = default)
    {
        Add(record, actor);
        await db.SaveChangesAsync(cancellationToken);
    }
}
