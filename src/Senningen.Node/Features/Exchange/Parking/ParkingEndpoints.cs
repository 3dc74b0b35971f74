using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Exchange.Parking;

/// <summary>
/// <c>GET /api/v1/exchange/parked</c>, <c>POST /api/v1/exchange/messages/{id}/retry</c> and <c>…/{id}/drop</c>: the same
/// use cases as the Exchange page's "Parked messages" section.
/// </summary>
internal static class ParkingEndpoints
{
    public const string NotParkedRule = "parked";

    public static RouteGroupBuilder MapParking(this RouteGroupBuilder group)
    {
        group.MapGet("/parked", async (ParkedMessages parked, CancellationToken ct) => TypedResults.Ok(await parked.ListAsync(ct)))
            .WithSummary("Messages parked after failing again and again, each with how many later messages of its conversation wait behind it.");
        group.MapPost("/messages/{id}/retry", RetryAsync)
            .WithSummary("Tries a parked message again, in its place in its conversation (audited); 409 when it is not parked.");
        group.MapPost("/messages/{id}/drop", DropAsync)
            .WithSummary("Gives a parked message up with a reason (audited); the sender of an incoming one gets a signed rejection. 409 when it is not parked.");
        return group;
    }

    public static async Task<Results<Ok<ExchangeMessageView>, ProblemHttpResult>> RetryAsync(string id, RetryMessage retry, Texts texts,
        CancellationToken ct) =>
        Guid.TryParse(id, out var messageId) ? Answer(await retry.RetryAsync(messageId, ct), texts) : BadId(texts);

    public static async Task<Results<Ok<ExchangeMessageView>, ProblemHttpResult>> DropAsync(string id, DropMessageRequest? request, DropMessage drop,
        Texts texts, CancellationToken ct) =>
        Guid.TryParse(id, out var messageId) ? Answer(await drop.DropAsync(messageId, request?.Reason, ct), texts) : BadId(texts);

    /// <summary>The words for a refusal, shared with the page.</summary>
    public static FieldError? Error(ParkingOutcome outcome, Texts texts) => outcome.Result switch
    {
        ParkingResult.NotParked => new FieldError("id", NotParkedRule, texts["rule.exchange-parked", outcome.Status ?? ""]),
        ParkingResult.ReasonMissing => new FieldError("reason", Rules.Required, texts["rule.required", "reason"]),
        ParkingResult.ReasonTooLong => new FieldError("reason", Rules.MaxLength, texts["rule.max-length", "reason", ParkingOutcome.MaxReason]),
        _ => null,
    };

    private static Results<Ok<ExchangeMessageView>, ProblemHttpResult> Answer(ParkingOutcome outcome, Texts texts) => outcome switch
    {
        { Result: ParkingResult.Done, Message: { } message } => TypedResults.Ok(message),
        { Result: ParkingResult.NotFound } or { Result: ParkingResult.Done } => Problems.NotFound(texts, "message"),
        { Result: ParkingResult.NotParked } => Problems.Create(texts, StatusCodes.Status409Conflict, "conflict", texts["rule.exchange-parked", outcome.Status ?? ""],
            new Dictionary<string, object?> { ["errors"] = new[] { Error(outcome, texts) } }),
        _ => Problems.Validation(texts, Error(outcome, texts)!),
    };

    private static ProblemHttpResult BadId(Texts texts) => Problems.Validation(texts, new FieldError("id", Rules.Format, texts["rule.guid-format", "id"]));
}
