using System.Net;
using System.Net.Http.Json;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// The creating POSTs that took the Idempotency-Key convention: sent twice with one key, the object is created once
/// and the second answer is the first one replayed.
/// </summary>
public sealed class IdempotentCreationTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string> Creations => new()
    {
        { "admin", "api/v1/admin/users", """{"username":"replayed","password":"Grensbrug over de Maas 2027","displayName":"Replayed","unit":"Test","roles":["Officer"],"language":"nl"}""", "api/v1/admin/users?limit=1000" },
        { "admin", "api/v1/anpr/cameras", """{"id":"BE-TEST-REPLAY","owner":"Federale Politie","name":"Lane 1","lat":50.8,"lon":4.4,"sourceType":"police"}""", "api/v1/anpr/cameras?limit=1000" },
        { "dpo", "api/v1/retention/holds", """{"caseReference":"HOLD-REPLAY","reason":"Prosecutor's hold"}""", "api/v1/retention/holds?limit=1000" },
    };

    [Theory]
    [MemberData(nameof(Creations))]
    public async Task CreatingPost_SentTwiceWithOneKey_CreatesOnce_AndReplaysTheAnswer(string user, string path, string body, string list)
    {
        using var client = await _node.SignedInAsync(user);
        var before = await CountAsync(client, list);

        using var first = await PostAsync(client, path, body, "replay-0001-key");
        using var again = await PostAsync(client, path, body, "replay-0001-key");

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        (await CountAsync(client, list)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task ReadBatch_SentTwiceWithOneKey_IsAnsweredOnce_AndTheReplayGetsTheFirstReport()
    {
        using var gateway = await _node.SignedInAsync("controlroom");
        var observedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""[{"cameraId":"BE-E19-MEER","plate":"1ABC123","country":"BE","confidence":0.97,"observedAt":"{{observedAt}}"}]""";

        using var first = await PostAsync(gateway, "api/v1/anpr/reads", body, "reads-0001-key");
        using var again = await PostAsync(gateway, "api/v1/anpr/reads", body, "reads-0001-key");

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HotlistImport_SentTwiceWithOneKey_ReportsTheFirstImportAgain_NotAnUpdate()
    {
        using var desk = await _node.SignedInAsync("admin");
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""[{"plate":"GZ-998-K","category":"sis-seizure","validFrom":"{{since}}"}]""";

        using var first = await PostAsync(desk, "api/v1/anpr/hotlist/import", body, "import-0001-key");
        using var again = await PostAsync(desk, "api/v1/anpr/hotlist/import", body, "import-0001-key");
        using var another = await PostAsync(desk, "api/v1/anpr/hotlist/import", body, "import-0002-key");

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        var report = (await first.Content.ReadFromJsonAsync<Contracts.Anpr.HotlistImportReport>(Ct))!;
        (report.Added, report.Updated).ShouldBe((1, 0));
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        var second = (await another.Content.ReadFromJsonAsync<Contracts.Anpr.HotlistImportReport>(Ct))!;
        (second.Added, second.Updated).ShouldBe((0, 1));
    }

    private static async Task<int> CountAsync(HttpClient client, string list)
    {
        using var response = await client.GetAsync(list, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<System.Text.Json.JsonElement>>(Ct))!.Count;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }
}
