using System.Globalization;
using Senningen.Node.Common.Audit;

namespace Senningen.Node.Features.Audit.SearchLog;

/// <summary>RFC 4180 CSV of the log, with spreadsheet formula injection neutralised.</summary>
internal static class AuditCsv
{
    public const string Header =
        "sequence,occurred_at_utc,actor,actor_unit,actor_country,action,outcome,records,purpose,case_reference,recipient,detail,previous_hash,hash,leaf_index,leaf_hash";

    public static string Row(AuditEntry e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Field(e.Actor), Field(e.ActorUnit), Field(e.ActorCountry), Field(e.Action), Field(e.Outcome),
        Field(e.Records.Replace('\n', ';')), Field(e.Purpose), Field(e.CaseReference), Field(e.Recipient), Field(e.Detail),
        e.PreviousHash, e.Hash, e.LeafIndex?.ToString(CultureInfo.InvariantCulture), e.LeafHash is null ? "" : Convert.ToHexStringLower(e.LeafHash));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ would be run as a formula by a spreadsheet that opens the export.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
