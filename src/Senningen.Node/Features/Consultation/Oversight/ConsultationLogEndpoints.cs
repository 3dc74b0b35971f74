using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Consultation.Oversight;

/// <summary>The period a DPO asks for, as text so that a malformed date is a problem naming the field.</summary>
internal sealed record ConsultationLogPeriod(string? From, string? To)
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(7);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public (DateTimeOffset From, DateTimeOffset To) Check(RequestValidator v, DateTimeOffset now)
    {
        var to = v.Moment("to", To) ?? now;
        var from = v.Moment("from", From) ?? to - Default;
        if (to < from)
        {
            v.Add("to", Rules.Range, "rule.to-before-from");
        }
        else if (to - from > Longest)
        {
            v.Add("from", Rules.Range, "consultation.rule.log-period");
        }

        return (from, to);
    }
}

internal static class ConsultationLogEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<ConsultationLogRow>>, ProblemHttpResult>> ListAsync([AsParameters] ConsultationLogPeriod period,
        ConsultationLog log, Texts texts, HttpContext http, CancellationToken ct)
    {
        var outcome = await log.ListAsync(period, ct, PageRequest.Of(http, ConsultationLog.MaxRows));
        return outcome.Rows is { } rows ? TypedResults.Ok(rows) : Problems.Validation(texts, outcome.Errors);
    }

    public static async Task<Ok<ConsultationTrail>> TrailAsync(Guid id, ConsultationLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.TrailAsync(id, ct));
}
