using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Common.Live;

/// <summary>
/// A server-sent event stream of one capability's items (ADR 0027): opened once per request (one audited
/// <c>stream.opened</c>), it sends the items of the source's <see cref="IStreamFeed"/> in position order, each once.
/// Woken when the <see cref="StreamFeedSequencer"/> gives positions — at this instance or, through the backplane, at
/// another — and by a look every <see cref="LookEvery"/> as the pages' safety net. It resumes after <c>Last-Event-ID</c>
/// (at most <see cref="ReplayAtMost"/> back), sends a comment every <see cref="Heartbeat"/> so that proxies keep the
/// connection, and ends with a <c>revoked</c> event once the user's access is withdrawn.
/// </summary>
public sealed class EventStreamer(ICredentialStanding standing, AuditLog audit, NodeSettings settings, TimeProvider clock, Texts texts,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, SenningenDbContext db, IEnumerable<IStreamFeed> feeds, ChangeFeed<StreamFeedAdvanced> advanced)
{
    private readonly ICredentialStanding _standing = standing;
    private readonly AuditLog _audit = audit;
    private readonly NodeSettings _settings = settings;
    private readonly TimeProvider _clock = clock;
    private readonly SenningenDbContext _db = db;
    private readonly ChangeFeed<StreamFeedAdvanced> _advanced = advanced;
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public const string ContentType = "text/event-stream";
    public const string LastEventIdHeader = "Last-Event-ID";
    public const int Batch = 100;
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ReplayAtMost = TimeSpan.FromHours(24);

    /// <summary>
    /// The stream for the current request, resumed after <paramref name="lastEventId"/> when given, or a 400 naming
    /// <c>Last-Event-ID</c> when that is not an id this node sends (or sent before streams had positions).
    /// </summary>
    public IResult Open(string? lastEventId, IEventSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var feed = feeds.Single(f => f.Name == source.Feed);
        Resume resume = new(null, false);
        if (lastEventId is { Length: > 0 })
        {
            if (StreamEventIds.TryParse(lastEventId, out var position))
            {
                resume = new(position, false);
            }
            else if (StreamEventIds.IsFormer(lastEventId))
            {
                resume = new(null, true);
            }
            else
            {
                return Problems.Validation(texts, new FieldError(LastEventIdHeader, Rules.Format, texts["rule.event-id", LastEventIdHeader]));
            }
        }

        return new Run(this, feed, source, resume, _clock.GetUtcNow());
    }

    /// <summary>Where the client asked to go on from: after a position, or from an id of before positions.</summary>
    private readonly record struct Resume(long? After, bool Former)
    {
        public bool Asked => After is not null || Former;
    }

    /// <summary>
    /// The position to send after: the feed's head for a live stream; the asked one if its item was stamped within
    /// <see cref="ReplayAtMost"/>; otherwise (older, removed, unknown, or a former id) the stream starts that far back and
    /// says so (<c>gap</c>).
    /// </summary>
    private async Task<(long After, bool Gap)> FloorAsync(IStreamFeed feed, Resume resume, DateTimeOffset opened, CancellationToken ct)
    {
        var head = await _db.StreamFeedHeads.AsNoTracking().Where(h => h.Feed == feed.Name).Select(h => (long?)h.Position).SingleOrDefaultAsync(ct) ?? 0;
        if (!resume.Asked)
        {
            return (head, false);
        }

        var oldest = opened - ReplayAtMost;
        if (resume.After is { } after && after <= head && await feed.StampAtAsync(_db, after, ct) is { } stamp && stamp >= oldest)
        {
            return (after, false);
        }

        return (await feed.FirstSinceAsync(_db, oldest, ct) is { } first ? first - 1 : head, true);
    }

    private sealed class Run(EventStreamer stream, IStreamFeed feed, IEventSource source, Resume resume, DateTimeOffset opened) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            using var wake = new SemaphoreSlim(0, 1);

            void OnAdvanced(StreamFeedAdvanced change)
            {
                if (change.Feed == feed.Name && wake.CurrentCount == 0)
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

            // Listening before the floor is read: positions given meanwhile wake the first wait at once.
            stream._advanced.Changed += OnAdvanced;
            try
            {
                var (floor, gap) = await stream.FloorAsync(feed, resume, opened, ct);
                await stream._audit.WriteAsync(new AuditRecord(AuditActions.StreamOpened, AuditOutcomes.Success, [source.Name],
                    Detail: resume.Asked ? $"resumed after {(resume.After is { } a ? a : "a former id")} (from {floor})" : "live"), cancellationToken: ct);

                http.Response.ContentType = ContentType;
                http.Response.Headers.CacheControl = "no-cache";
                // nginx and other proxies buffer responses unless told not to; a buffered event arrives late.
                http.Response.Headers["X-Accel-Buffering"] = "no";
                var body = http.Response.Body;
                await WriteAsync(body, $"retry: 3000\n: {source.Name}\n\n", ct);
                if (gap)
                {
                    // More was missed than the stream replays: the client reloads the list, then goes on from here.
                    await WriteAsync(body, $"event: gap\ndata: {{\"from\":\"{floor}\"}}\n\n", ct);
                }

                await LoopAsync(http, body, wake, floor, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away.
            }
            finally
            {
                stream._advanced.Changed -= OnAdvanced;
            }
        }

        private async Task LoopAsync(HttpContext http, Stream body, SemaphoreSlim wake, long floor, CancellationToken ct)
        {
            var clock = stream._clock;
            var check = stream._settings.Auth.RevalidateEvery < Heartbeat ? stream._settings.Auth.RevalidateEvery : Heartbeat;
            var sent = floor;
            var (nextBeat, nextCheck) = (clock.GetUtcNow() + Heartbeat, clock.GetUtcNow() + check);
            while (true)
            {
                sent = await DrainAsync(body, sent, ct);
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

        /// <summary>
        /// Sends every visible item positioned after <paramref name="sent"/>, a batch at a time; gives the last position
        /// read. Positions are given in commit order, so nothing can later appear at or below it: each item goes once.
        /// </summary>
        private async Task<long> DrainAsync(Stream body, long sent, CancellationToken ct)
        {
            while (true)
            {
                var batch = await source.AfterAsync(sent, Batch, ct);
                if (batch.Count > 0)
                {
                    await source.AuditAsync(batch, ct);
                    var text = new StringBuilder();
                    foreach (var e in batch)
                    {
                        text.Append("id: ").Append(e.Position).Append("\nevent: ").Append(e.Type).Append("\ndata: ")
                            .Append(JsonSerializer.Serialize(e.Data, e.Data.GetType(), stream._json)).Append("\n\n");
                    }

                    await WriteAsync(body, text.ToString(), ct);
                    sent = batch[^1].Position;
                }

                if (batch.Count < Batch)
                {
                    return sent;
                }
            }
        }

        private static async Task WriteAsync(Stream body, string text, CancellationToken ct)
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            await body.FlushAsync(ct);
        }
    }
}
