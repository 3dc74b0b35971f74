using System.Text.Json;

namespace Senningen.Contracts.Requests;

/// <summary>
/// <c>POST /api/v1/requests</c>: a draft. <c>Type</c>: an id of <c>GET /api/v1/requests/types</c>. <c>Partner</c>: BE, NL
/// or LU (for <c>liaison-joint-use</c> the liaison officer's country, or left out). <c>Urgency</c>: normal, urgent,
/// urgent-direct or crisis, one the type allows (default its first). <c>Region</c>: optional, routes to a regional
/// authority (e.g. NL-LIM). <c>Fields</c>: the type's fields by name; numbers, yes/no and text as JSON values, dates as
/// <c>yyyy-MM-dd</c>, moments as ISO 8601 with offset, several choices as a comma-separated text or an array.
/// </summary>
public sealed record CreateRequestInput(
    string? Type,
    string? Partner,
    string? Urgency,
    string? CaseReference,
    IReadOnlyDictionary<string, JsonElement>? Fields,
    string? Region = null,
    string? LiaisonOfficerId = null);

/// <summary>
/// <c>POST /api/v1/requests/{id}/transitions</c>. <c>Action</c>: submit, acknowledge, ask-information,
/// supply-information, accept, refuse, start-execution, complete, archive, withdraw or declare-delay. <c>Reason</c>:
/// required for refuse, ask-information (the question), supply-information (the answer), withdraw and declare-delay;
/// the outcome for complete. <c>ExpectedBy</c>: with declare-delay, when the answer will come. <c>RefusalGround</c>:
/// with refuse, the ground of Directive (EU) 2023/977 art. 6(1) (not-available, incomplete-request,
/// judicial-authorisation-refused, personal-data-category, inaccurate, essential-interests, minor-offence,
/// no-consent-of-origin). <c>JudicialAuthorisation</c>: with declare-delay, the delay waits for a judicial authorisation.
/// <c>Handling</c>: with complete, the handling and evaluation codes of the answer (else the default of request messages, H1/A/2: not as evidence in court without the owner's permission).
/// </summary>
public sealed record TransitionInput(string? Action, string? Reason = null, DateTimeOffset? ExpectedBy = null, string? RefusalGround = null,
    bool JudicialAuthorisation = false,
    Exchange.HandlingInput? Handling = null);

/// <summary><c>POST /api/v1/requests/{id}/attachments</c> on a draft: a file as base64 (pdf, jpeg, png or plain text; size limited).</summary>
public sealed record AttachmentInput(string? FileName, string? ContentType, string? ContentBase64);

/// <summary>
/// <c>POST /api/v1/requests/{id}/disclosures</c>: passing on the answer of a purpose-limited request (the
/// administrative approach). <c>Recipient</c>: one of the recipients the request named (e.g. municipality);
/// <c>Purpose</c>: must be the purpose the request stated.
/// </summary>
public sealed record PassOnInput(string? Recipient, string? RecipientName, string? Purpose, string? Information);
