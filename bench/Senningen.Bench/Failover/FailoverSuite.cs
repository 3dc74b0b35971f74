using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Operations;

namespace Senningen.Bench.Failover;

/// <summary>
/// The driver of <c>deploy/failover-drill</c>: tracker gateways post fixes at 1 Hz to a running node; after
/// <c>--before</c> seconds the drill's <c>--fail</c> command stops the database's primary hard (and promotes the
/// standby, or restarts the primary for the peer run); the trackers keep posting and retrying for <c>--after</c>
/// seconds, then send what they still hold. Measured: seconds from the kill until a post sent after it is accepted,
/// posts and fixes refused in that gap by status, and every acknowledged fix looked up by (operation, unit, time) in
/// the database afterwards. Writes one run as JSON to <c>--out</c>; the drill puts the runs together.
/// </summary>
internal static class FailoverSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args)
    {
        var node = new Uri(Arg(args, "--node") ?? throw new ArgumentException("--node URL is required"));
        var connection = Arg(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var fail = Arg(args, "--fail") ?? throw new ArgumentException("--fail COMMAND is required");
        var output = Arg(args, "--out") ?? throw new ArgumentException("--out FILE is required");
        var label = Arg(args, "--label") ?? "failover";
        var (operations, units) = (Int(args, "--operations", 50), Int(args, "--units", 10));
        var (before, after) = (Int(args, "--before", 20), Int(args, "--after", 40));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = cancel.Token;

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = operations, UseCookies = false })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var token = await (await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "demo"), ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenResponse>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var trackers = new List<Tracker>();
        for (var i = 0; i < operations; i++)
        {
            var callSigns = Enumerable.Range(0, units).Select(u => $"{label[..2].ToUpperInvariant()}{i:000}-{u:00}").ToArray();
            var started = await client.PostAsJsonAsync("api/v1/operations", new StartOperationRequest("hot-pursuit",
                [.. callSigns.Select(c => new OperationUnitInput(c, "Skoda Octavia combi", 2))], ["1-ABC-123"], "Man, 30s, dark jacket",
                "Armed robbery of a petrol station", "BE-VAN", $"PV-DRILL-{i:0000}", null, null), ct);
            var view = await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OperationView>(ct);
            trackers.Add(new Tracker(client, view!.Id, callSigns, (double)i / operations));
        }

        Say($"{label}: {operations} trackers of {units} units at 1 Hz ({operations * units} fixes/s); failing the primary after {before} s");
        var loadStart = LoadAverage();
        var producing = true;
        var running = trackers.Select(t => t.RunAsync(0, () => Volatile.Read(ref producing), ct)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(before), ct);
        var loadAtKill = LoadAverage();
        var (killedMs, recoveredByScriptMs, script) = await FailAsync(fail, ct);
        Say($"{label}: primary killed at {killedMs}; the drill's command returned after {(recoveredByScriptMs - killedMs) / 1000.0:0.0} s");
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, killedMs + after * 1000L - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())), ct);
        Volatile.Write(ref producing, false);
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(90), ct);
        var loadEnd = LoadAverage();

        var stored = await StoredAsync(connection, [.. trackers.Select(t => t.Operation)], ct);
        var acked = trackers.SelectMany(t => t.Acknowledged.Select(a => (t.Operation, a.Unit, a.TimeMs, a.AckedAtMs))).ToList();
        var ackedBefore = acked.Where(a => a.AckedAtMs < killedMs).ToList();
        var posts = trackers.SelectMany(t => t.Posts).ToList();
        // A SIGKILLed postmaster's backends outlive it by a few milliseconds and may still commit what was in flight;
        // the node is back once a post sent after the last refusal is accepted.
        var afterKill = posts.Where(p => p.SentMs >= killedMs).ToList();
        var gap = afterKill.Where(p => p.Status != 200).ToList();
        var lastRefusal = gap.Count == 0 ? killedMs : gap.Max(p => p.SentMs);
        var backAt = afterKill.Where(p => p.Status == 200 && p.SentMs >= lastRefusal).Select(p => (long?)p.DoneMs).Min();
        var inFlight = afterKill.Count(p => p.Status == 200 && p.SentMs < lastRefusal);
        var back = backAt is null ? (double?)null : Math.Round((backAt.Value - killedMs) / 1000.0, 2);
        var run = new
        {
            label,
            script,
            offered = new { trackers = operations, unitsPerTracker = units, fixesPerSecond = operations * units, beforeSeconds = before, afterSeconds = after },
            loadAverage = new { start = loadStart, atKill = loadAtKill, end = loadEnd },
            writesBackAfterSeconds = back,
            gap = new
            {
                postsRefused = gap.Count,
                fixesRefused = gap.Sum(p => p.Fresh),
                byStatus = gap.GroupBy(p => p.Status == 0 ? "no answer" : p.Status.ToString(CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.Count()),
                postsAcceptedAfterTheKillBeforeTheLastRefusal = inFlight,
            },
            fixes = new
            {
                acknowledged = acked.Count,
                acknowledgedBeforeKill = ackedBefore.Count,
                missingOfAcknowledgedBeforeKill = ackedBefore.Count(a => !stored.Contains((a.Operation, a.Unit, a.TimeMs))),
                missingOfAcknowledged = acked.Count(a => !stored.Contains((a.Operation, a.Unit, a.TimeMs))),
                stored = stored.Count,
                rejectedByNode = trackers.Sum(t => t.Rejected),
                neverAcknowledged = trackers.Sum(t => t.Posts.Sum(p => p.Fresh)) - acked.Count,
            },
            posts = posts.Count,
        };
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(run, Json) + "\n", ct);
        Say($"{label}: writes back after {back?.ToString("0.00", CultureInfo.InvariantCulture) ?? "never"} s; {gap.Count} posts ({gap.Sum(p => p.Fresh)} fixes) refused in the gap; "
            + $"{run.fixes.missingOfAcknowledged} of {acked.Count} acknowledged fixes missing ({run.fixes.missingOfAcknowledgedBeforeKill} of {ackedBefore.Count} acknowledged before the kill)");
        return 0;
    }

    /// <summary>Runs the drill's command; it prints <c>killed_ms=</c> (Unix ms of the kill) and whatever it did after.</summary>
    private static async Task<(long KilledMs, long DoneMs, Dictionary<string, string> Printed)> FailAsync(string command, CancellationToken ct)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var done = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The drill's command failed ({process.ExitCode}): {command}");
        }

        var printed = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var killed = long.Parse(printed["killed_ms"], CultureInfo.InvariantCulture);
        return (killed, done, printed);
    }

    private static async Task<HashSet<(Guid, string, long)>> StoredAsync(string connection, Guid[] operations, CancellationToken ct)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand("""SELECT "OperationId", "Unit", "TimeMs" FROM ops_fixes WHERE "OperationId" = ANY($1)""");
        command.Parameters.Add(new NpgsqlParameter { Value = operations });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var stored = new HashSet<(Guid, string, long)>();
        while (await reader.ReadAsync(ct))
        {
            stored.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return stored;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Int(string[] args, string name, int fallback) =>
        Arg(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static void Say(string line) => Console.Error.WriteLine(line);
}
