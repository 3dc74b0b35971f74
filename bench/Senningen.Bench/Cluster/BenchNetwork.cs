using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senningen.Node.Common.Exchange;
using Senningen.Testing;

namespace Senningen.Bench.Cluster;

/// <summary>
/// The nodes a load driver runs against. One instance per node: <see cref="TestNetwork"/> as the tests use it. Several:
/// each node runs that many instances on one PostgreSQL database with one data directory (one signing key), behind
/// nginx; partners and drivers reach a node only through its front, as in production (deploy/). The instances share
/// this process, each with a connection pool of its own (a distinct application name), as separate processes would have.
/// </summary>
internal sealed class BenchNetwork : IAsyncDisposable
{
    private readonly TestNetwork? _single;
    private readonly Dictionary<string, List<TestNode>> _instances;
    private readonly Dictionary<string, Uri> _fronts;
    private readonly NginxFront? _nginx;
    private readonly List<string> _directories;

    private BenchNetwork(TestNetwork? single, Dictionary<string, List<TestNode>> instances, Dictionary<string, Uri> fronts, NginxFront? nginx,
        List<string> directories) => (_single, _instances, _fronts, _nginx, _directories) = (single, instances, fronts, nginx, directories);

    public int InstancesPerNode { get; private init; } = 1;

    public Store Store { get; private init; }

    /// <summary>What the JSON says about the deployment measured.</summary>
    public string Describe => InstancesPerNode == 1
        ? $"{Store}, one instance per node, no proxy"
        : $"{Store}, {InstancesPerNode} instances per node behind nginx (spread at random, an operation's positions to one instance by its id; keep-alive upstreams)";

    /// <summary>Where a node is reached: its nginx front, or its one instance.</summary>
    public Uri Front(string country) => _fronts[country];

    /// <summary>The node's instances; the first is the one whose services a driver watches.</summary>
    public IReadOnlyList<TestNode> Instances(string country) => _instances[country];

    public TestNode First(string country) => _instances[country][0];

    public static async Task<BenchNetwork> StartAsync(IReadOnlyList<string> countries, Store store, int instances,
        Func<string, IDictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null)
    {
        settings ??= _ => new Dictionary<string, string?>();
        if (instances <= 1)
        {
            var network = await TestNetwork.StartAsync(countries, store, settings, services is null ? null : (_, s) => services(s));
            return new BenchNetwork(network, countries.ToDictionary(c => c, c => new List<TestNode> { network[c] }),
                countries.ToDictionary(c => c, c => network[c].BaseUrl), null, []) { Store = store };
        }

        if (store != Store.Postgres)
        {
            throw new ArgumentException("Several instances of a node share a PostgreSQL database; SQLite runs one instance per file.");
        }

        var fronts = countries.ToDictionary(c => c, _ => FreePort());
        var ports = countries.ToDictionary(c => c, _ => Enumerable.Range(0, instances).Select(_ => FreePort()).ToList());
        var directories = countries.ToDictionary(c => c, c => Directory.CreateTempSubdirectory($"senningen-bench-{c}-").FullName);
        var keys = directories.ToDictionary(d => d.Key, d =>
        {
            using var key = NodeKeyStore.LoadOrCreate(d.Value, null, null);
            return key.PublicKeyPem;
        });
        var nodes = new Dictionary<string, List<TestNode>>();
        var nginx = await NginxFront.StartAsync(countries.ToDictionary(c => fronts[c], c => (IReadOnlyList<int>)ports[c]));
        try
        {
            foreach (var country in countries)
            {
                nodes[country] = [];
                string? database = null;
                for (var i = 0; i < instances; i++)
                {
                    var values = new Dictionary<string, string?>
                    {
                        ["urls"] = $"http://127.0.0.1:{ports[country][i]}",
                        ["Senningen:Node:PublicUrl"] = $"http://127.0.0.1:{fronts[country]}/",
                        ["Senningen:Node:DataDirectory"] = directories[country],
                        ["Senningen:Exchange:AllowPlainHttp"] = "true",
                    };
                    var index = 0;
                    foreach (var partner in countries.Where(c => c != country))
                    {
                        values[$"Senningen:Node:Partners:{index}:Country"] = partner;
                        values[$"Senningen:Node:Partners:{index}:BaseUrl"] = $"http://127.0.0.1:{fronts[partner]}/";
                        values[$"Senningen:Node:Partners:{index}:PublicKey"] = keys[partner];
                        index++;
                    }

                    foreach (var (key, value) in settings(country))
                    {
                        values[key] = value;
                    }

                    if (database is not null)
                    {
                        // Later instances join the first one's database; the file their own test database would name is never made.
                        values["Senningen:Database:Provider"] = "postgres";
                        values["Senningen:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database)
                        {
                            ApplicationName = $"senningen-{country}-{i + 1}",
                        }.ConnectionString;
                    }

                    var node = await TestNode.CreateAsync(database is null ? Store.Postgres : Store.Sqlite, country, values, services);
                    database ??= node.Database.ConnectionString;
                    await node.StartAgainAsync();
                    nodes[country].Add(node);
                }
            }
        }
        catch
        {
            foreach (var node in nodes.Values.SelectMany(n => n))
            {
                await node.DisposeAsync();
            }

            await nginx.DisposeAsync();
            throw;
        }

        return new BenchNetwork(null, nodes, fronts.ToDictionary(f => f.Key, f => new Uri($"http://127.0.0.1:{f.Value}/")), nginx,
            [.. directories.Values]) { InstancesPerNode = instances, Store = store };
    }

    public async ValueTask DisposeAsync()
    {
        if (_single is not null)
        {
            await _single.DisposeAsync();
            return;
        }

        // Later instances first: the first owns the database, dropped when it goes.
        foreach (var node in _instances.Values.SelectMany(n => Enumerable.Reverse(n)))
        {
            await node.DisposeAsync();
        }

        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a stopping instance: the directory is a temporary one.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
