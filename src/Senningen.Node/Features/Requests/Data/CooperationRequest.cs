using Senningen.Core.Countries;
using Senningen.Core.Requests;

namespace Senningen.Node.Features.Requests.Data;

/// <summary>
/// One cooperation request as this node holds it. Both nodes keep a row with the same id: the requesting node as
/// <c>requesting</c>, the requested one as <c>requested</c>; state, deadlines and timeline travel between them.
/// </summary>
public sealed class CooperationRequest
{
    public Guid Id { get; set; }

    public string Reference { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>Which end this node is (stored as requesting or requested).</summary>
    public RequestSide Side { get; set; }

    public CountryCode RequestingCountry { get; set; }

    public CountryCode RequestedCountry { get; set; }

    public RequestState State { get; set; }

    public Urgency Urgency { get; set; }

    public string? CaseReference { get; set; }

    public string? Region { get; set; }

    /// <summary>The id of the partner's authority the request was routed to (authorities.yaml).</summary>
    public string Recipient { get; set; } = "";

    /// <summary>The partner's single point of contact when it gets a copy.</summary>
    public string? SpocCopy { get; set; }

    public string? LiaisonOfficerId { get; set; }

    /// <summary>The form's values by field name, as JSON text of a string map.</summary>
    public string Fields { get; set; } = "{}";

    public string CreatedBy { get; set; } = "";

    /// <summary>The unit of the officer who drafted it; empty for a partner's request (the desk's and the region's control room's).</summary>
    public string OwnerUnit { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? AnswerBy { get; set; }

    public DateTimeOffset? RemindAt { get; set; }

    public DateTimeOffset? AcknowledgeBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>Whether the deadline still runs in the current state (kept with the state, so "overdue" is one query).</summary>
    public bool ClockRunning { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public string? DelayReason { get; set; }

    /// <summary>
    /// The handling and evaluation codes of the answer (<c>H2/B/2</c>): on the requested side as its desk set them, on the
    /// requesting side as they arrived signed with the answer; what onward use of the answer is allowed follows from them.
    /// </summary>
    public string? Handling { get; set; }

    /// <summary>An H3 marking's restrictions in the owner's words.</summary>
    public string? HandlingConditions { get; set; }

    public DateTimeOffset? ExpectedBy { get; set; }

    /// <summary>The art. 6 ground the requested desk gave for refusing (<c>RefusalGrounds</c> names); null when none was given.</summary>
    public string? RefusalGround { get; set; }

    /// <summary>The requested desk declared its delay is due to a judicial authorisation (Directive 2023/977, art. 9(3); art. 18 counts it).</summary>
    public bool JudicialAuthorisation { get; set; }

    /// <summary>The exchange conversation that carries this request's messages, in order.</summary>
    public Guid ConversationId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of a request's timeline; the id is the same on both nodes, so a redelivered step is not kept twice.</summary>
public sealed class RequestEvent
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = "";

    public string? FromState { get; set; }

    public string ToState { get; set; } = "";

    public string Actor { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>
    /// Where the step stands in the request stream (ADR 0027): given after its commit by the stream-feed sequencer; null
    /// until then, 0 for steps stored before streams had positions.
    /// </summary>
    public long? FeedPosition { get; set; }
}

/// <summary>A file attached to a draft; it travels with the submission.</summary>
public sealed class RequestAttachment
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}
