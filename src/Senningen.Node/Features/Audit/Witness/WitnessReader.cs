using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Witness;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Features.Audit.Witness.Messages;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>
/// What the DPO page, its alarm banner and the API show of the witnessing. Every partner signature shown is checked
/// again here against the partner's key from configuration, not taken from the database on trust.
/// </summary>
public sealed class WitnessReader(SenningenDbContext db, NodeSettings settings, PartnerLinks links, AuditLog audit, CurrentOfficer officer,
    ChangeFeed<WitnessChanged> feed, TimeProvider clock)
{
    /// <summary>Each partner's latest verdict on this node's heads, the latest head held for each partner, and the open alarms.</summary>
    public async Task<WitnessOverview> OverviewAsync(SignedTreeHead? latestHead, CancellationToken ct)
    {
        var confirmations = new List<TreeHeadConfirmation>();
        var held = new List<WitnessedHead>();
        foreach (var partner in settings.Partners.Select(p => p.Country).OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var confirmation = await db.HeadConfirmations.AsNoTracking().Where(c => c.Witness == partner)
                .OrderByDescending(c => c.StatedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (confirmation is not null)
            {
                confirmations.Add(View(confirmation));
            }

            var head = await db.WitnessedHeads.AsNoTracking().Where(h => h.Country == partner)
                .OrderByDescending(h => h.Size).ThenByDescending(h => h.Timestamp).FirstOrDefaultAsync(ct);
            if (head is not null)
            {
                held.Add(new WitnessedHead(new SignedTreeHead(head.Country.Value, head.Size, head.RootHash, head.Timestamp, head.KeyId, head.Signature),
                    head.ReceivedAt));
            }
        }

        return new WitnessOverview(latestHead, confirmations, held, await OpenAlarmsAsync(ct));
    }

    public async Task<IReadOnlyList<WitnessAlarm>> OpenAlarmsAsync(CancellationToken ct) =>
        [.. (await db.WitnessAlarms.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct))
            .Select(a => new WitnessAlarm(a.Id, a.Partner.Value, a.Rule, a.Detail, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt))];

    /// <summary>Every consistent verdict stored, each with its witness signature checked against the trusted key.</summary>
    /// <summary>Every confirmation, by tree size: what a verification checks the whole log against.</summary>
    public async Task<IReadOnlyList<TreeHeadConfirmation>> ConfirmationsAsync(CancellationToken ct) =>
        [.. (await db.HeadConfirmations.AsNoTracking().Where(c => c.Verdict == WitnessStatement.Consistent).OrderBy(c => c.Size).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(View)];

    /// <summary>A page of the confirmations by tree size, then row id (the row past its limit included, for the pager).</summary>
    public async Task<IReadOnlyList<TreeHeadConfirmation>> ConfirmationsAsync(PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await db.HeadConfirmations.AsNoTracking().Where(c => c.Verdict == WitnessStatement.Consistent)
            .PageBy(page, newestFirst: false, c => c.Size, c => c.Id).ToListAsync(ct);
        if (rows.Count > page.Limit)
        {
            page.EndsAt(new PageKey(rows[page.Limit - 1].Size, rows[page.Limit - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return [.. rows.Select(View)];
    }

    /// <summary>The DPO has seen the alarm: it leaves the banner, and the acknowledgement is audited. False when there is no such open alarm.</summary>
    public async Task<bool> AcknowledgeAsync(long id, CancellationToken ct)
    {
        var alarm = await db.WitnessAlarms.FirstOrDefaultAsync(a => a.Id == id && a.AcknowledgedAt == null, ct);
        if (alarm is null)
        {
            return false;
        }

        alarm.AcknowledgedAt = UnixMillisecondsConverter.Truncate(clock.GetUtcNow());
        alarm.AcknowledgedBy = officer.Name;
        audit.Add(new AuditRecord(AuditActions.AuditWitnessAlarmAcknowledged, AuditOutcomes.Success, [$"witness-alarm:{id}"],
            Detail: $"{alarm.Partner}: {alarm.Rule}"));
        db.AfterCommit(() => feed.Publish(new WitnessChanged()));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private TreeHeadConfirmation View(HeadConfirmationRow c)
    {
        var head = new SignedTreeHead(settings.Country.Value, c.Size, c.RootHash, c.HeadTimestamp, c.HeadKeyId, c.HeadSignature);
        return new TreeHeadConfirmation(c.Witness.Value, head, c.Verdict, c.Rule, c.StatedAt, c.KeyId, c.Signature, c.ReceivedAt,
            SignatureValid(c.Witness, head, c));
    }

    private bool SignatureValid(CountryCode witness, SignedTreeHead head, HeadConfirmationRow c)
    {
        if (links.Trust.Find(witness) is not { } partner || c.KeyId != partner.KeyId)
        {
            return false;
        }

        var statement = WitnessStatements.About(witness, settings.Country, head, c.Rule, c.StatedAt);
        return statement.Verdict == c.Verdict && Es256.Verify(partner.PublicKey, statement.SignedBytes(), c.Signature);
    }
}
