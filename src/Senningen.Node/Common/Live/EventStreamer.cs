using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Common.Live;

/// <summary>
/// A server-sent event stream of one capability's items (ADR 0027): opened once per request (one audited
/// <c>stream.opened</c>), woken by the capability's <see cref="ChangeFeed{T}"/> — at this instance or, through the
/// backplane, at another — and by a look every <see cref="LookEvery"/> as the pages' safety net. It resumes after
/// <c>Last-Event-ID</c> (at most <see cref="ReplayAtMost"/> back), sends a comment every <see cref="Heartbeat"/> so that
/// proxies keep the connection, and ends with a <c>revoked</c> event once the user's access is withdrawn.
/// </summary>
public sealed class EventStreamer(ICredentialStanding standing, AuditLog audit, NodeSettings settings, TimeProvider clock, Texts texts,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly ICredentialStanding _standing = standing;
    private readonly AuditLog _audit = audit;
    private readonly NodeSettings _settings = settings;
    private readonly TimeProvider _clock = clock;
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public const string ContentType = "text/event-stream";
    public const string LastEventIdHeader = "Last-Event-ID";
    public const int Batch = 100;
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ReplayAtMost = TimeSpan.FromHours(24);

    // Items are stamped before their transaction commits, so one stamped earlier may become visible after a later one was
    // sent: each look reaches this far behind the newest sent item and skips what it already sent.
    public static readonly TimeSpan CommitLag = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The stream for the current request, resumed after <paramref name="lastEventId"/> when given, or a 400 naming
    /// <c>Last-Event-ID</c> when that is not an id this node sends.
    /// <paramref name="concerns"/> picks the feed's changes worth a look.
    /// </summary>
    public IResult Open<TChange>(string? lastEventId, ChangeFeed<TChange> feed, Func<TChange, bool> concerns, IEventSource source)
    {
        StreamKey? resume = null;
        if (lastEventId is { Length: > 0 })
        {
            if (!StreamKey.TryParse(lastEventId, out var key))
            {
                return Problems.Validation(texts, new FieldError(LastEventIdHeader, Rules.Format, texts["rule.event-id", LastEventIdHeader]));
            }

            resume = key;
        }

        return new Run<TChange>(this, feed, concerns, source, resume, _clock.GetUtcNow());
    }

    private sealed class Run<TChange>(EventStreamer stream, ChangeFeed<TChange> feed, Func<TChange, bool> concerns, IEventSource source, StreamKey? resume,
        DateTimeOffset opened) : IResult
    {
        private readonly HashSet<StreamKey> _sent = [];

        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            using var wake = new SemaphoreSlim(0, 1);
            var oldest = StreamKey.Before(opened - ReplayAtMost);
            var floor = resume is { } r ? (r < oldest ? oldest : r) : StreamKey.Before(opened);
            await stream._audit.WriteAsync(new AuditRecord(AuditActions.StreamOpened, AuditOutcomes.Success, [source.Name],
                Detail: resume is { } from ? $"resumed after {from} (from {floor})" : "live"), cancellationToken: ct);

            http.Response.ContentType = ContentType;
            http.Response.Headers.CacheControl = "no-cache";
            // nginx and other proxies buffer responses unless told not to; a buffered event arrives late.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            var body = http.Response.Body;
            await WriteAsync(body, $"retry: 3000\n: {source.Name}\n\n", ct);
            if (resume is { } asked && asked < oldest)
            {
                // More was missed than the stream replays: the client reloads the list, then goes on from here.
                await WriteAsync(body, $"event: gap\ndata: {{\"from\":\"{floor}\"}}\n\n", ct);
            }

            void OnChange(TChange change)
            {
                if (concerns(change) && wake.CurrentCount == 0)
                {
                    try
                    {
                        wake.Release();
                    }
                    catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
                    {
                        // Woken already by another change, or the stream just ended.
                    }
                }
            }

            feed.Changed += OnChange;
            try
            {
                await LoopAsync(http, body, wake, floor, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away.
            }
            finally
            {
                feed.Changed -= OnChange;
            }
        }

        private async Task LoopAsync(HttpContext http, Stream body, SemaphoreSlim wake, StreamKey floor, CancellationToken ct)
        {
            var clock = stream._clock;
            var check = stream._settings.Auth.RevalidateEvery < Heartbeat ? stream._settings.Auth.RevalidateEvery : Heartbeat;
            var newest = floor;
            var (nextBeat, nextCheck) = (clock.GetUtcNow() + Heartbeat, clock.GetUtcNow() + check);
            while (true)
            {
                newest = await DrainAsync(body, floor, newest, ct);
                var now = clock.GetUtcNow();
                var wait = new[] { nextBeat - now, nextCheck - now, LookEvery }.Min();
                if (wait > TimeSpan.Zero)
                {
                    await wake.WaitAsync(wait, ct);
                }

                now = clock.GetUtcNow();
                if (now >= nextCheck)
                {
                    nextCheck = now + check;
                    if (!await stream._standing.IsCurrentAsync(http.User, ct))
                    {
                        await WriteAsync(body, "event: revoked\ndata: {\"reason\":\"access-withdrawn\"}\n\n", ct);
                        return;
                    }
                }

                if (now >= nextBeat)
                {
                    nextBeat = now + Heartbeat;
                    await WriteAsync(body, ": heartbeat\n\n", ct);
                }
            }
        }

        /// <summary>Sends everything after what was sent, a batch at a time; gives the newest key sent.</summary>
        private async Task<StreamKey> DrainAsync(Stream body, StreamKey floor, StreamKey newest, CancellationToken ct)
        {
            var behind = StreamKey.Before(newest.At - CommitLag);
            var from = behind > floor ? behind : floor;
            while (true)
            {
                var batch = await source.AfterAsync(from, Batch, ct);
                var fresh = batch.Where(e => _sent.Add(e.Key)).ToList();
                if (fresh.Count > 0)
                {
                    await source.AuditAsync(fresh, ct);
                    var text = new StringBuilder();
                    foreach (var e in fresh)
                    {
                        text.Append("id: ").Append(e.Key).Append("\nevent: ").Append(e.Type).Append("\ndata: ")
                            .Append(JsonSerializer.Serialize(e.Data, e.Data.GetType(), stream._json)).Append("\n\n");
                        newest = e.Key > newest ? e.Key : newest;
                    }

                    await WriteAsync(body, text.ToString(), ct);
                }

                if (batch.Count < Batch)
                {
                    break;
                }

                from = batch[^1].Key;
            }

            _sent.RemoveWhere(k => k.At < newest.At - CommitLag - CommitLag);
            return newest;
        }

        private static async Task WriteAsync(Stream body, string text, CancellationToken ct)
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            await body.FlushAsync(ct);
        }
    }
}
