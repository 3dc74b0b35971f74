using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Requests.Messages;

/// <summary>
/// <c>request.submitted</c> v1, requesting → requested node: the whole request as submitted, with its route, its
/// deadlines (fixed at submission so both nodes count alike), its timeline so far and its attachments.
/// </summary>
public sealed record SubmittedPayload(
    Guid RequestId,
    string Reference,
    string Type,
    string Urgency,
    string? CaseReference,
    string? Region,
    string Recipient,
    string? SpocCopy,
    string? LiaisonOfficerId,
    IReadOnlyDictionary<string, string?> Fields,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset SubmittedAt,
    DateTimeOffset AnswerBy,
    DateTimeOffset RemindAt,
    DateTimeOffset? AcknowledgeBy,
    IReadOnlyList<TransitionPayload> Timeline,
    IReadOnlyList<AttachmentPayload> Attachments) : IValidatedPayload
{
    public const string MessageType = "request.submitted";

    public IEnumerable<string> Problems()
    {
        if (RequestId == Guid.Empty || string.IsNullOrWhiteSpace(Type) || string.IsNullOrWhiteSpace(Recipient) || Fields is null)
        {
            yield return "requestId, type, recipient and fields are required";
        }
    }
}

/// <summary>A draft's attachment as it travels.</summary>
public sealed record AttachmentPayload(Guid Id, string FileName, string ContentType, string ContentBase64);

/// <summary>
/// <c>request.transition</c> v1, either way: one step of the timeline (a state change, an acknowledgement, a declared
/// delay, a reminder, an escalation, a disclosure). The receiver applies it only if its own workflow allows it.
/// </summary>
public sealed record TransitionPayload(
    Guid RequestId,
    Guid EventId,
    string Action,
    string? FromState,
    string ToState,
    DateTimeOffset At,
    string Actor,
    string Country,
    string? Reason,
    DateTimeOffset? ExpectedBy) : IValidatedPayload
{
    public const string Type = "request.transition";

    public IEnumerable<string> Problems()
    {
        if (RequestId == Guid.Empty || EventId == Guid.Empty || string.IsNullOrWhiteSpace(Action) || string.IsNullOrWhiteSpace(ToState))
        {
            yield return "requestId, eventId, action and toState are required";
        }
    }
}
