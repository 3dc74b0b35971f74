using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// A request to the inbox answered 413 (body over the limit) or 400 (not JSON, nested too deep, not a list of envelopes)
/// before any envelope was read: nobody can be held to it, so it is counted like the junk envelopes
/// (<see cref="InboxRefusals"/>): in the metrics, against its address's allowance, the window's first audited as it
/// happens and the rest in the window's one summary. Placed outside the exception handler, it sees the status the
/// handler gave the request.
/// </summary>
internal sealed class InboxBodyRefusals(RequestDelegate next, InboxRefusals refusals, ExchangeMetrics metrics, NodeSettings settings)
{
    public const string TooLarge = "request-too-large";
    public const string Malformed = "request-malformed";
    public const string Path = "/exchange/v1/inbox";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var reason = context.Response.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => TooLarge,
            StatusCodes.Status400BadRequest => Malformed,
            _ => null,
        };
        if (reason is null)
        {
            return;
        }

        var caller = InboxRefusalPolicy.Caller(context) ?? "?";
        metrics.Refused("?", reason);
        if (refusals.Note(caller, "?", reason))
        {
            await using var scope = context.RequestServices.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(new AuditRecord(AuditActions.MessageRefused, AuditOutcomes.Denied,
                [$"address:{caller}"], Detail: $"request to {context.Request.Path} from {caller} refused before any envelope was read: {reason}"),
                Actor.Node(settings), CancellationToken.None);
        }
    }
}
