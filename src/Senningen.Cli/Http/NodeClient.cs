using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Senningen.Cli.Http;

/// <summary>
/// The node's HTTP API as <c>senn</c> uses it: JSON in and out, problems turned into values. With a
/// <see cref="TokenRenewal"/>, an expired access token is renewed before the first call, and a 401 is answered by renewing
/// once and sending the call again (when its body can be sent twice).
/// </summary>
internal sealed class NodeClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly NodeAddress _node;
    private TokenRenewal? _renewal;

    /// <param name="Renew">Returns a new access token, or null when the node refuses to renew.</param>
    /// <param name="Due">The access token is known to have expired: renew before the first call.</param>
    public sealed record TokenRenewal(Func<CancellationToken, Task<string?>> Renew, bool Due);

    public NodeClient(HttpMessageHandler handler, bool ownsHandler, NodeAddress node, string? accessToken, TokenRenewal? renewal = null)
    {
        _node = node;
        _renewal = renewal;
        _http = new HttpClient(handler, ownsHandler) { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("senn", typeof(NodeClient).Assembly.GetName().Version?.ToString()));
        if (accessToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
    }

    /// <summary>For a request known to take long (a bulk load); call before the first request.</summary>
    public void UseTimeout(TimeSpan timeout) => _http.Timeout = timeout;

    public async Task<NodeResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return await ExchangeAsync<T>(request, ct);
    }

    public async Task<NodeResult<T>> PostAsync<TBody, T>(string path, TBody body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Accept.ParseAdd("application/json");
        return await ExchangeAsync<T>(request, ct);
    }

    /// <summary>Posts a body senn did not build as JSON (a CSV file, NDJSON lines) and reads the JSON answer.</summary>
    public async Task<NodeResult<T>> PostContentAsync<T>(string path, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        return await ExchangeAsync<T>(request, ct);
    }

    /// <summary>For endpoints whose answer carries nothing senn needs: success is the status alone, with or without a body.</summary>
    public async Task<NodeResult<bool>> PostAsync<TBody>(string path, TBody body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode ? NodeResult<bool>.Success(true) : NodeResult<bool>.Failure(await ReadProblemAsync(response, ct));
    }

    /// <summary>Streams a successful body into <paramref name="consume"/> without buffering it in memory.</summary>
    public async Task<NodeResult<T>> DownloadAsync<T>(string path, string mediaType, Func<Stream, CancellationToken, Task<T>> consume, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(mediaType);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            return NodeResult<T>.Failure(await ReadProblemAsync(response, ct));
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return NodeResult<T>.Success(await consume(body, ct));
        }
        catch (HttpIOException e)
        {
            throw new NodeUnreachableException(_node, e);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<NodeResult<T>> ExchangeAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            return NodeResult<T>.Failure(await ReadProblemAsync(response, ct));
        }

        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null ? NodeResult<T>.Failure(Unexpected(response, "an empty body")) : NodeResult<T>.Success(value);
        }
        catch (JsonException)
        {
            return NodeResult<T>.Failure(Unexpected(response, "a body that is not Senningen JSON"));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        if (_renewal is { Due: true })
        {
            await RenewAsync(ct);
        }

        var response = await SendOnceAsync(request, completion, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _renewal is null || request.Content is StreamContent
            || !await RenewAsync(ct))
        {
            return response;
        }

        response.Dispose();
        using var again = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content };
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            again.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return await SendOnceAsync(again, completion, ct);
    }

    // Renews at most once per run: a second refusal means the access was withdrawn, which a new token would not change.
    private async Task<bool> RenewAsync(CancellationToken ct)
    {
        var renewal = _renewal!;
        _renewal = null;
        if (await renewal.Renew(ct) is not { } token)
        {
            return false;
        }

        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return true;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException(_node, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new NodeUnreachableException(_node, e);
        }
    }

    private static async Task<NodeProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct) =>
        NodeProblem.Parse((int)response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(ct));

    private static NodeProblem Unexpected(HttpResponseMessage response, string what) =>
        new((int)response.StatusCode, "Unexpected answer", $"the node sent {what} for {response.RequestMessage?.RequestUri}; is this a Senningen node?", []);
}
