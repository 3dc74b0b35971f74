using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;

namespace Senningen.Node.Features.Audit.SearchLog;

/// <summary>
/// A DPO's filter over the log. Searching by data subject discloses who looked at a person, so it needs
/// a purpose like any other disclosure of personal data.
/// </summary>
public sealed record AuditQuery(
    string? User = null,
    string? Subject = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Purpose = null,
    string? CaseReference = null)
{
    public void Validate(RequestValidator validator)
    {
        validator.MaxLength("user", User, 256);
        validator.MaxLength("subject", Subject, 200);
        validator.MaxLength("purpose", Purpose, 500);
        validator.MaxLength("caseReference", CaseReference, 100);
        if (Action is not null)
        {
            validator.OneOf("action", Action, AuditActions.All);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            validator.Required("purpose", Purpose);
        }

        if (From is { } from && To is { } to && to < from)
        {
            validator.Add("to", Rules.Range, "rule.to-before-from");
        }
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(User))
        {
            entries = entries.Where(e => e.Actor == User);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            entries = entries.Where(e => e.Records.Contains(Subject));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            entries = entries.Where(e => e.Action == Action);
        }

        if (From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to);
        }

        return entries;
    }

    public string Describe() =>
        string.Join("; ", new[]
        {
            User is null ? null : $"user={User}",
            Subject is null ? null : $"subject={Subject}",
            Action is null ? null : $"action={Action}",
            From is null ? null : $"from={From:O}",
            To is null ? null : $"to={To:O}",
        }.Where(s => s is not null));
}
