namespace Senningen.Node.Features.Consultation.Data;

/// <summary>A search this node's officer sent to partners: what was asked, why, by whom, of whom, and until when answers count.</summary>
public sealed class ConsultationSearch
{
    public Guid Id { get; set; }

    public string Context { get; set; } = "";

    public string DataSet { get; set; } = "";

    /// <summary>The criteria as sent (JSON of the query payload's criteria).</summary>
    public string Criteria { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string CaseReference { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    /// <summary>The partners asked, comma-separated.</summary>
    public string Partners { get; set; } = "";

    public long StartedAtMs { get; set; }

    public long DeadlineMs { get; set; }
}

/// <summary>One partner's answer to a search, as it arrived.</summary>
public sealed class ConsultationAnswerRow
{
    public long Id { get; set; }

    public Guid SearchId { get; set; }

    public string Country { get; set; } = "";

    public string Level { get; set; } = "";

    public string? Rule { get; set; }

    public string? Refusal { get; set; }

    public bool Hit { get; set; }

    public bool TooBroad { get; set; }

    /// <summary>The items disclosed (JSON).</summary>
    public string Items { get; set; } = "[]";

    public long ReceivedAtMs { get; set; }
}
