using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange;

namespace Senningen.Testing;

/// <summary>
/// Several real nodes wired to each other like the demo: each has its own port, directory, key and database, and
/// trusts the others' public keys. Nodes can be left stopped, stopped and started again.
/// </summary>
public sealed class TestNetwork : IAsyncDisposable
{
    private readonly Dictionary<string, TestNode> _nodes;

    private TestNetwork(Dictionary<string, TestNode> nodes) => _nodes = nodes;

    public TestNode this[string country] => _nodes[country];

    public static async Task<TestNetwork> CreateAsync(IReadOnlyList<string> countries, Store store = Store.Sqlite,
        Func<string, IDictionary<string, string?>>? settings = null, Action<string, IServiceCollection>? services = null,
        string scheme = "http")
    {
        var slots = countries.ToDictionary(c => c, c => (Port: FreePort(), Directory: Directory.CreateTempSubdirectory($"senningen-{c}-").FullName));
        var keys = slots.ToDictionary(s => s.Key, s =>
        {
            using var key = NodeKeyStore.LoadOrCreate(s.Value.Directory, null, null);
            return key.PublicKeyPem;
        });
        var nodes = new Dictionary<string, TestNode>();
        foreach (var country in countries)
        {
            var values = new Dictionary<string, string?>
            {
                ["urls"] = $"{scheme}://127.0.0.1:{slots[country].Port}",
                ["Senningen:Node:PublicUrl"] = $"{scheme}://127.0.0.1:{slots[country].Port}/",
                ["Senningen:Node:DataDirectory"] = slots[country].Directory,
                ["Senningen:Exchange:AllowPlainHttp"] = scheme == "http" ? "true" : "false",
            };
            var index = 0;
            foreach (var partner in countries.Where(c => c != country))
            {
                values[$"Senningen:Node:Partners:{index}:Country"] = partner;
                values[$"Senningen:Node:Partners:{index}:BaseUrl"] = $"{scheme}://127.0.0.1:{slots[partner].Port}/";
                values[$"Senningen:Node:Partners:{index}:PublicKey"] = keys[partner];
                index++;
            }

            foreach (var (key, value) in settings?.Invoke(country) ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            nodes[country] = await TestNode.CreateAsync(store, country, values, services is null ? null : s => services(country, s));
        }

        return new TestNetwork(nodes);
    }

    public static async Task<TestNetwork> StartAsync(IReadOnlyList<string> countries, Store store = Store.Sqlite,
        Func<string, IDictionary<string, string?>>? settings = null, Action<string, IServiceCollection>? services = null)
    {
        var network = await CreateAsync(countries, store, settings, services);
        foreach (var node in network._nodes.Values)
        {
            await node.StartAgainAsync();
        }

        return network;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            var directory = node.DataDirectory;
            await node.DisposeAsync();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
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
