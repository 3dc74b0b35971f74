namespace Senningen.Contracts.Requests;

/// <summary>One step of a request as <c>GET /api/v1/streams/requests</c> sends it: the request as the list shows it, and the step.</summary>
public sealed record RequestStepEvent(RequestSummary Request, RequestEventView Step);
