using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Senningen.Node.Tests.Api.Streams;

/// <summary>One server-sent event as a client parses it.</summary>
internal sealed record SseEvent(string? Id, string Type, string Data);

/// <summary>An open event stream read the way a browser's EventSource reads it: comments skipped, an event per blank line.</summary>
internal sealed class SseConnection : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseConnection(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Comments seen so far (the opening one names the stream, later ones are heartbeats).</summary>
    public List<string> Comments { get; } = [];

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    public static async Task<SseConnection> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var response = await SendAsync(client, path, lastEventId);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
        }

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var connection = new SseConnection(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        // The node writes a comment naming the stream as soon as it listens: past it, nothing stored later can be missed.
        await connection.ReadAsync(TimeSpan.FromSeconds(5), untilComment: true);
        return connection;
    }

    /// <summary>The next event, or null when the server ended the stream; fails when none arrives <paramref name="within"/>.</summary>
    public Task<SseEvent?> NextAsync(TimeSpan within) => ReadAsync(within, untilComment: false);

    /// <summary>The next event of <paramref name="type"/>, skipping others.</summary>
    public async Task<SseEvent> NextOfAsync(string type, TimeSpan within)
    {
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var left = until - DateTimeOffset.UtcNow;
            var next = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            next.ShouldNotBeNull($"the stream ended before a '{type}' event");
            if (next.Type == type)
            {
                return next;
            }
        }
    }

    private async Task<SseEvent?> ReadAsync(TimeSpan within, bool untilComment)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        string? id = null;
        var type = "message";
        var data = new StringBuilder();
        try
        {
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        return new SseEvent(id, type, data.ToString());
                    }

                    continue;
                }

                if (line.StartsWith(':'))
                {
                    Comments.Add(line[1..].Trim());
                    if (untilComment)
                    {
                        return null;
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id":
                        id = value;
                        break;
                    case "event":
                        type = value;
                        break;
                    case "data":
                        data.Append(data.Length > 0 ? "\n" : "").Append(value);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no event within {within}");
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
