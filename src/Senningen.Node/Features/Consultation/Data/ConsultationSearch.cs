using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Node.Features.Consultation.Data;

/// <summary>A search this node's officer sent to partners: what was asked, why, by whom, of whom, and until when answers count.</summary>
public sealed class ConsultationSearch
{
    public Guid Id { get; set; }

    public ConsultationContext Context { get; set; }

    public DataSet DataSet { get; set; }

    /// <summary>The criteria as sent (JSON of the query payload's criteria).</summary>
    public string Criteria { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string CaseReference { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    /// <summary>The unit of the officer who searched: the answers are that unit's to read.</summary>
    public string OwnerUnit { get; set; } = "";

    /// <summary>The partners asked (stored comma-separated).</summary>
    public IReadOnlyList<CountryCode> Partners { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset Deadline { get; set; }
}

/// <summary>One partner's answer to a search, as it arrived.</summary>
public sealed class ConsultationAnswerRow
{
    public long Id { get; set; }

    public Guid SearchId { get; set; }

    public CountryCode Country { get; set; }

    public string Level { get; set; } = "";

    public string? Rule { get; set; }

    public string? Refusal { get; set; }

    public bool Hit { get; set; }

    public bool TooBroad { get; set; }

    /// <summary>How many the partner found when it answered with counts only (criteria too wide for the level).</summary>
    public int? Count { get; set; }

    /// <summary>With <see cref="Count"/>: the identifiers the partner asks for, comma-separated (surname, givenNames, birthDate).</summary>
    public string? ToAdd { get; set; }

    /// <summary>The items disclosed (JSON).</summary>
    public string Items { get; set; } = "[]";

    public DateTimeOffset ReceivedAt { get; set; }
}
