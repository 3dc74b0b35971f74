using System.Net.Http.Json;
using Senningen.Contracts.Operations;
using Senningen.Testing;

namespace Senningen.Node.Tests.Operations;

/// <summary>Deterministic tracks and the calls a field unit and a control room make.</summary>
internal static class OperationSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Fixes along a straight line, <paramref name="metresPerFix"/> apart and a quarter of a second apart, so that a
    /// track of a few kilometres fits between the operation's start and the node's future tolerance.
    /// </summary>
    public static List<PositionFixInput> Line(string unit, (double Lat, double Lon) from, (double Lat, double Lon) to, DateTimeOffset start,
        double metresPerFix = 25)
    {
        var metres = Math.Sqrt(Math.Pow((to.Lat - from.Lat) * 111_200, 2) + Math.Pow((to.Lon - from.Lon) * 111_200 * Math.Cos(from.Lat * Math.PI / 180), 2));
        var steps = (int)Math.Ceiling(metres / metresPerFix);
        return [.. Enumerable.Range(0, steps + 1).Select(i =>
        {
            var f = (double)i / steps;
            return new PositionFixInput(unit, from.Lat + (f * (to.Lat - from.Lat)), from.Lon + (f * (to.Lon - from.Lon)), start.AddMilliseconds(250 * i), 80, 10, 8);
        })];
    }

    /// <summary>The same line, timed so that its last fix is a second ago, as a tracker replaying its buffer would send it.</summary>
    public static List<PositionFixInput> LineEndingNow(string unit, (double Lat, double Lon) from, (double Lat, double Lon) to)
    {
        var probe = Line(unit, from, to, DateTimeOffset.UnixEpoch);
        return Line(unit, from, to, DateTimeOffset.UtcNow.AddSeconds(-1).AddMilliseconds(-250 * (probe.Count - 1)));
    }

    public static Task<OperationView> StartPursuitAsync(HttpClient client, string zone, params string[] units) =>
        StartAsync(client, "hot-pursuit", zone, units);

    public static async Task<OperationView> StartAsync(HttpClient client, string type, string zone, params string[] units)
    {
        var response = await client.PostAsJsonAsync("api/v1/operations", new StartOperationRequest(type,
            [.. units.Select(u => new OperationUnitInput(u, "Skoda Octavia combi", 2))], ["1-ABC-123"], "Man, 30s, dark jacket",
            "Armed robbery of a petrol station", zone, "PV-2026-0001", null, null), Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OperationView>(Ct))!;
    }

    /// <summary>Posts the fixes in batches as a tracker would, and returns every crossing the node reported.</summary>
    public static async Task<List<CrossingView>> DriveAsync(HttpClient client, Guid operation, IReadOnlyList<PositionFixInput> fixes, int batch = 100)
    {
        var crossings = new List<CrossingView>();
        foreach (var chunk in fixes.Chunk(batch))
        {
            var response = await client.PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch(chunk), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            response.IsSuccessStatusCode.ShouldBeTrue(body);
            var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
            result.Rejected.ShouldBeEmpty();
            crossings.AddRange(result.Crossings);
        }

        return crossings;
    }

    public static async Task<AlertView> WaitForAlertAsync(HttpClient controlRoom, Guid operation, Func<AlertView, bool>? condition = null)
    {
        AlertView? found = null;
        await Exchange.ExchangeHelpers.EventuallyAsync(async () =>
        {
            var alerts = await controlRoom.GetFromJsonAsync<List<AlertView>>("api/v1/alerts", Ct);
            found = alerts!.FirstOrDefault(a => a.OperationId == operation && (condition?.Invoke(a) ?? true));
            return found is not null;
        }, "the partner shows the alert");
        return found!;
    }

    public static async Task<OperationView> WaitForTimelineAsync(HttpClient client, Guid operation, string kind)
    {
        OperationView? view = null;
        await Exchange.ExchangeHelpers.EventuallyAsync(async () =>
        {
            view = await client.GetFromJsonAsync<OperationView>($"api/v1/operations/{operation}", Ct);
            return view!.Timeline.Any(t => t.Kind == kind);
        }, $"the home timeline shows '{kind}'");
        return view!;
    }

    public static TestNode Node(this TestNetwork network, string country) => network[country];
}
