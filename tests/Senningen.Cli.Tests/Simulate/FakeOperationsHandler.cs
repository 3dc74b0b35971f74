using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Contracts.Operations;

namespace Senningen.Cli.Tests.Simulate;

/// <summary>
/// The three operation endpoints the simulator calls, faked in-process: start answers 201 with an operation, each
/// position batch is recorded and the batch that holds <see cref="CrossingAfterFix"/> reports one crossing, end answers 200.
/// </summary>
internal sealed class FakeOperationsHandler : HttpMessageHandler
{
    public static readonly Guid OperationId = Guid.Parse("6f1c1f44-6c6c-4a57-9d1a-0c1f7b8a0001");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ConcurrentQueue<string> Requests { get; } = new();

    public List<StartOperationRequest> Started { get; } = [];

    public List<PositionBatch> Batches { get; } = [];

    public List<EndOperationRequest> Ended { get; } = [];

    public List<DateTimeOffset> BatchReceivedAt { get; } = [];

    public int CrossingAfterFix { get; init; } = 30;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue($"{request.Method} {path} {request.Headers.Authorization}");
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        switch (path)
        {
            case "/api/v1/operations":
                Started.Add(JsonSerializer.Deserialize<StartOperationRequest>(body, Json)!);
                return Answer(HttpStatusCode.Created, Operation());
            case var p when p == $"/api/v1/operations/{OperationId}/positions":
                var batch = JsonSerializer.Deserialize<PositionBatch>(body, Json)!;
                var before = Batches.Sum(b => b.Fixes!.Count);
                Batches.Add(batch);
                BatchReceivedAt.Add(DateTimeOffset.UtcNow);
                var crossings = before <= CrossingAfterFix && CrossingAfterFix < before + batch.Fixes!.Count
                    ? new[] { Crossing(batch.Fixes[CrossingAfterFix - before]!) }
                    : [];
                return Answer(HttpStatusCode.OK, new PositionBatchResult(batch.Fixes!.Count, 0, [], crossings));
            case var p when p == $"/api/v1/operations/{OperationId}/end":
                Ended.Add(JsonSerializer.Deserialize<EndOperationRequest>(body, Json)!);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    private static CrossingView Crossing(PositionFixInput fix) => new(fix.Unit!, "BE", "NL", "BE-VAN", "NL-RE08", fix.Time!.Value, fix.Lat!.Value, fix.Lon!.Value);

    private static OperationView Operation() => new(
        OperationId, "hot-pursuit", "active", "BE", "BE-VAN", null, [], [], null, null, null, null,
        new DateTimeOffset(2026, 5, 4, 21, 30, 0, TimeSpan.Zero), "anna", null, null, [], [], []);

    private static HttpResponseMessage Answer<T>(HttpStatusCode status, T value) =>
        new(status) { Content = JsonContent.Create(value, options: Json) };
}
