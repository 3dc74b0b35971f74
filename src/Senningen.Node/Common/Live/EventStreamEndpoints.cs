namespace Senningen.Node.Common.Live;

internal static class EventStreamEndpoints
{
    /// <summary>Documents a stream: <c>text/event-stream</c> whose events carry <typeparamref name="T"/> as their data.</summary>
    public static RouteHandlerBuilder ProducesEventStream<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>(StatusCodes.Status200OK, EventStreamer.ContentType);
}
