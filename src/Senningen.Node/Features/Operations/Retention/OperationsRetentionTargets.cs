using Microsoft.EntityFrameworkCore;
using Senningen.Core.Operations;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Retention;

/// <summary>Own units' positions, counted from the fix; a hold names the operation (by id or case).</summary>
internal sealed class UnitPositionRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.UnitPosition;

    public IReadOnlyList<string> Tables { get; } = ["ops_fixes"];

    public CountedFrom CountedFrom => CountedFrom.Fix;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) =>
        RetentionSurvey.Of(await db.UnitFixes.LongCountAsync(ct), await db.UnitFixes.OrderBy(f => f.Time).Select(f => f.Time).FirstOrDefaultAsync(ct));

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases, operations) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences, db.Operations);
        var due = db.UnitFixes
            .Where(f => f.Time < cutoff && !ids.Contains(f.OperationId)
                && !operations.Any(o => o.Id == f.OperationId && o.CaseReference != null && cases.Contains(o.CaseReference)))
            .OrderBy(f => f.Time).Take(chunk.Limit).Select(f => f.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.UnitFixes.Where(f => due.Contains(f.Id)).ExecuteDeleteAsync(ct);
        }
    }
}

/// <summary>A partner's units' positions on this territory, counted from the fix; a hold names the operation or the alert's case.</summary>
internal sealed class AlertPositionRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.AlertPosition;

    public IReadOnlyList<string> Tables { get; } = ["ops_alert_fixes"];

    public CountedFrom CountedFrom => CountedFrom.Fix;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) =>
        RetentionSurvey.Of(await db.AlertFixes.LongCountAsync(ct), await db.AlertFixes.OrderBy(f => f.Time).Select(f => f.Time).FirstOrDefaultAsync(ct));

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases, alerts) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences, db.Alerts);
        var due = db.AlertFixes
            .Where(f => f.Time < cutoff && !ids.Contains(f.OperationId)
                && !alerts.Any(a => a.OperationId == f.OperationId && (ids.Contains(a.Id) || (a.CaseReference != null && cases.Contains(a.CaseReference)))))
            .OrderBy(f => f.Time).Take(chunk.Limit).Select(f => f.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.AlertFixes.Where(f => due.Contains(f.Id)).ExecuteDeleteAsync(ct);
        }
    }
}

/// <summary>
/// An ended operation loses what describes the suspect and the case, counted from its end; type, dates, outcome, units,
/// crossings, notices and timeline stay for the treaty's reporting and statistics.
/// </summary>
internal sealed class OperationRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.Operation;

    public IReadOnlyList<string> Tables { get; } = ["ops_operations", "ops_units", "ops_crossings", "ops_events", "ops_partner_notices", "ops_refused_fixes"];

    public CountedFrom CountedFrom => CountedFrom.OperationEnd;

    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Fields { get; } = ["suspect", "vehicles", "reason", "caseReference", "endNote", "report"];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var kept = db.Operations.Where(o => o.EndedAt != null && (o.Suspect != null || o.Vehicles != "" || o.Reason != null || o.CaseReference != null
            || o.EndNote != null || o.Report != null));
        return RetentionSurvey.Of(await kept.LongCountAsync(ct), await kept.OrderBy(o => o.EndedAt).Select(o => o.EndedAt!.Value).FirstOrDefaultAsync(ct));
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        var due = db.Operations
            .Where(o => o.Status == OperationStatus.Ended && o.EndedAt != null && o.EndedAt < cutoff && !ids.Contains(o.Id)
                && (o.CaseReference == null || !cases.Contains(o.CaseReference))
                && (o.Suspect != null || o.Vehicles != "" || o.Reason != null || o.CaseReference != null || o.EndNote != null || o.Report != null))
            .OrderBy(o => o.EndedAt).Take(chunk.Limit).Select(o => o.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.Operations.Where(o => due.Contains(o.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Suspect, (string?)null).SetProperty(o => o.Vehicles, "").SetProperty(o => o.Reason, (string?)null)
                .SetProperty(o => o.CaseReference, (string?)null).SetProperty(o => o.EndNote, (string?)null).SetProperty(o => o.Report, (string?)null), ct);
        }
    }
}

/// <summary>A closed alert (a partner's operation here) loses the suspect, units and case, counted from its closing.</summary>
internal sealed class AlertRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.Alert;

    public IReadOnlyList<string> Tables { get; } = ["ops_alerts"];

    public CountedFrom CountedFrom => CountedFrom.AlertClosing;

    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Fields { get; } = ["suspect", "vehicles", "reason", "caseReference", "units", "report"];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var kept = db.Alerts.Where(a => a.ClosedAt != null && (a.Suspect != null || a.Vehicles != "" || a.Reason != null || a.CaseReference != null
            || a.Units != "" || a.Report != null));
        return RetentionSurvey.Of(await kept.LongCountAsync(ct), await kept.OrderBy(a => a.ClosedAt).Select(a => a.ClosedAt!.Value).FirstOrDefaultAsync(ct));
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        var due = db.Alerts
            .Where(a => a.ClosedAt != null && a.ClosedAt < cutoff && !ids.Contains(a.Id) && !ids.Contains(a.OperationId)
                && (a.CaseReference == null || !cases.Contains(a.CaseReference))
                && (a.Suspect != null || a.Vehicles != "" || a.Reason != null || a.CaseReference != null || a.Units != "" || a.Report != null))
            .OrderBy(a => a.ClosedAt).Take(chunk.Limit).Select(a => a.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.Alerts.Where(a => due.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Suspect, (string?)null).SetProperty(a => a.Vehicles, "").SetProperty(a => a.Reason, (string?)null)
                .SetProperty(a => a.CaseReference, (string?)null).SetProperty(a => a.Units, "").SetProperty(a => a.Report, (string?)null), ct);
        }
    }
}
