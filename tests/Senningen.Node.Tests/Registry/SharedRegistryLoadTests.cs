using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Senningen.Contracts.Registry;
using Senningen.Testing;

namespace Senningen.Node.Tests.Registry;

/// <summary>Instances sharing a PostgreSQL database take turns loading the registry: while one holds the load, another answers 409.</summary>
public sealed class SharedRegistryLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_WhileAnotherInstanceLoads_IsA409_AndAfterwardsSucceeds()
    {
        await using var node = await TestNode.StartAsync(Store.Postgres, "BE",
            new Dictionary<string, string?> { ["Senningen:Registry:DemoPersons"] = "0" });
        using var admin = await node.SignedInAsync("admin");
        await using var otherInstance = new NpgsqlConnection(node.Database.ConnectionString);
        await otherInstance.OpenAsync(Ct);
        await using (var claim = new NpgsqlCommand("SELECT pg_advisory_lock(7262024)", otherInstance))
        {
            await claim.ExecuteNonQueryAsync(Ct);
        }

        using var refused = await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(50, 2), Ct);
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(7262024)", otherInstance))
        {
            await release.ExecuteNonQueryAsync(Ct);
        }

        using var accepted = await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(50, 2), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<GenerateRegistryReport>(Ct))!.Persons.ShouldBe(50);
    }
}
