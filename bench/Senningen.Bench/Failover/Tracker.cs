using System.Diagnostics;
using System.Net.Http.Json;
using Senningen.Contracts.Operations;

namespace Senningen.Bench.Failover;

/// <summary>
/// One tracker gateway: once a second it posts the fixes of its operation's units, and keeps every fix the node did
/// not acknowledge (an error status, no answer) to send again with the next second's, as a tracker buffers through a
/// dead spot. A fix counts as acknowledged when a 200 answer covers it (accepted, or a duplicate of an earlier attempt
/// whose answer was lost).
/// </summary>
internal sealed class Tracker(HttpClient client, Guid operation, string[] units, double phase)
{
    private const int MaxBatch = 500;
    private readonly List<PositionFixInput> _pending = [];

    public Guid Operation => operation;

    /// <summary>Fixes acknowledged, with the wall-clock time (Unix ms) the acknowledgement arrived.</summary>
    public List<(string Unit, long TimeMs, long AckedAtMs)> Acknowledged { get; } = [];

    /// <summary>Every post: when it left (Unix ms), when it was answered, its status (0: no answer), its fixes, and those new this second.</summary>
    public List<(long SentMs, long DoneMs, int Status, int Fixes, int Fresh)> Posts { get; } = [];

    public int Rejected { get; private set; }

    public async Task RunAsync(int tick0, Func<bool> producing, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        for (var tick = tick0; !ct.IsCancellationRequested; tick++)
        {
            var due = TimeSpan.FromSeconds(tick - tick0 + phase);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var fresh = 0;
            if (producing())
            {
                var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                for (var u = 0; u < units.Length; u++)
                {
                    // Shuttling on a road south of the border at about 50 km/h: Belgium all along, no crossing.
                    var along = (tick % 120) * 0.00012;
                    _pending.Add(new PositionFixInput(units[u], 51.20 + along + u * 0.001, 4.40 + along, now.AddMilliseconds(u), 50, 10, 90));
                }

                fresh = units.Length;
            }
            else if (_pending.Count == 0)
            {
                return;
            }

            await PostAsync(fresh, ct);
        }
    }

    private async Task PostAsync(int fresh, CancellationToken ct)
    {
        var batch = _pending.Take(MaxBatch).ToList();
        var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var status = 0;
        try
        {
            using var response = await client.PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch([.. batch]), ct);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(ct))!;
                Rejected += result.Rejected.Count;
                var acked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                Acknowledged.AddRange(batch.Select(f => (f.Unit!, f.Time!.Value.ToUnixTimeMilliseconds(), acked)));
                _pending.RemoveRange(0, batch.Count);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // No answer: the tracker keeps the fixes and sends them again with the next second's.
        }

        Posts.Add((sent, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), status, batch.Count, fresh));
    }
}
