using System.Net;
using System.Net.Sockets;
using Npgsql;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Persistence;

/// <summary>
/// Production names the primary and its standby in one connection string (deploy/README.md): the node migrates,
/// signs in and writes through whichever host is primary, here with the first host down as after a failover.
/// </summary>
public sealed class MultiHostConnectionTests
{
    [Fact]
    public async Task Node_OnAMultiHostConnectionString_WithTheFirstHostDown_MigratesSignsInAndWrites()
    {
        var admin = new NpgsqlConnectionStringBuilder(Infrastructure.RequirePostgres());
        await using var database = await TestDatabase.CreateAsync(Store.Postgres, Path.GetTempPath());
        var multiHost = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = $"127.0.0.1:{ClosedPort()},{admin.Host}:{admin.Port}",
            TargetSessionAttributes = "primary",
            HostRecheckSeconds = 1,
        };

        await using var node = await TestNode.StartAsync(Store.Postgres,
            settings: new Dictionary<string, string?> { ["Senningen:Database:ConnectionString"] = multiHost.ConnectionString });
        using var officer = await node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-MH1");

        var read = await officer.GetAsync($"api/v1/operations/{operation.Id}", TestContext.Current.CancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
