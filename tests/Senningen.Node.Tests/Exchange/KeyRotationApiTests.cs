using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>The rules of rotation and revocation, as an administrator meets them through the API.</summary>
public sealed class KeyRotationApiTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode _node = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _admin = await _node.SignedInAsync("admin");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _node.DisposeAsync();
    }

    private string CurrentKey => _node.Services.GetRequiredService<NodeKeyRing>().Current.KeyId;

    [Fact]
    public async Task RevokingTheOnlyCurrentKey_Is409NamingTheRule()
    {
        var problem = await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest(CurrentKey), Ct), HttpStatusCode.Conflict);

        problem.GetProperty("rule").GetString().ShouldBe("revoke-needs-next-key");
    }

    [Fact]
    public async Task RevokingAnUnknownKey_Is404_AndAMalformedOne400NamingKid()
    {
        await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest(new string('a', 64)), Ct), HttpStatusCode.NotFound);
        var problem = await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest("not-a-key"), Ct), HttpStatusCode.BadRequest);

        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("kid");
    }

    [Fact]
    public async Task RotateWithANegativeGrace_Is400NamingGraceSeconds()
    {
        var problem = await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(-1), Ct), HttpStatusCode.BadRequest);

        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("graceSeconds");
    }

    [Fact]
    public async Task RotateWithAGrace_PublishesTheNextKey_SignsWithTheOldOneUntilThen_AndASecondRotationWaits()
    {
        var before = CurrentKey;

        using var rotated = await _admin.PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(3600), Ct);

        rotated.EnsureSuccessStatusCode();
        var set = (await rotated.Content.ReadFromJsonAsync<KeySetWire>(Ct))!;
        set.Keys.Where(k => k.Use == "sig").Select(k => k.Status).ShouldBe(["current", "next"]);
        // The encryption key turns over with it (ADR 0029), and signs nothing.
        set.Keys.Where(k => k.Use == "enc").Select(k => (k.Status, k.Alg)).ShouldBe([("current", "ECDH-ES+A256KW"), ("next", "ECDH-ES+A256KW")]);
        set.Signatures.Count.ShouldBe(2);
        CurrentKey.ShouldBe(before);
        var second = await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(0), Ct), HttpStatusCode.Conflict);
        second.GetProperty("rule").GetString().ShouldBe("rotation-pending");
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.NodeKeyRotated && e.Actor == "admin"))).ShouldBe(1);
    }

    [Fact]
    public async Task RevokingTheCurrentKeyWithANextKey_HandsSigningToTheNextAtOnce()
    {
        var before = CurrentKey;
        (await _admin.PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(3600), Ct)).EnsureSuccessStatusCode();

        using var revoked = await _admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest(before), Ct);

        revoked.EnsureSuccessStatusCode();
        CurrentKey.ShouldNotBe(before);
        var set = (await revoked.Content.ReadFromJsonAsync<KeySetWire>(Ct))!;
        set.Keys.Where(k => k.Use == "sig").ShouldHaveSingleItem().Status.ShouldBe("current");
        (await ProblemAsync(await _admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest(before), Ct), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString().ShouldBe("key-already-revoked");
    }

    private static async Task<System.Text.Json.JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(status);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        }
    }
}
