using System.Globalization;
using Microsoft.Extensions.Configuration;
using Senningen.Core.Countries;

namespace Senningen.Node.Demo;

/// <summary>
/// Three nodes, BE, NL and LU, in one process on 127.0.0.1:5101..5103, wired to each other, each with its own
/// SQLite file under ./.senningen/demo/. A newcomer's first minute; never a production layout.
/// </summary>
internal static class DemoHost
{
    public const string Root = ".senningen/demo";

    private static readonly (CountryCode Country, int Port)[] Nodes =
        [(CountryCode.Belgium, 5101), (CountryCode.Netherlands, 5102), (CountryCode.Luxembourg, 5103)];

    public static async Task<int> RunAsync(string[] args)
    {
        var reset = args.Contains("--reset");
        var root = Path.GetFullPath(Root);
        if (reset && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        // Each node keeps its own key; the demo reads the public halves to wire the trust lists, as operators would.
        var publicKeys = Nodes.ToDictionary(n => n.Country, n =>
        {
            using var key = Common.Exchange.NodeKeyStore.LoadOrCreate(DataDirectory(root, n.Country), null, null);
            return key.PublicKeyPem;
        });
        var apps = new List<WebApplication>();
        foreach (var (country, port) in Nodes)
        {
            var settings = Settings(country, port, root, publicKeys);
            var app = NodeApp.Build([.. args.Where(a => a != "--reset")], c => c.AddInMemoryCollection(settings));
            await app.PrepareAsync();
            apps.Add(app);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        foreach (var app in apps)
        {
            await app.StartAsync(stop.Token);
            // SIGTERM (a service manager, `timeout`, `kill`) reaches the hosts' own lifetimes; stop all three then.
            app.Lifetime.ApplicationStopping.Register(stop.Cancel);
        }

        PrintBanner(root, reset);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping the demo nodes…");
        }

        foreach (var app in apps)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        return 0;
    }

    private static string DataDirectory(string root, CountryCode country) => Path.Combine(root, country.Value.ToLowerInvariant());

    public static Dictionary<string, string?> Settings(CountryCode country, int port, string root, IReadOnlyDictionary<CountryCode, string> publicKeys)
    {
        var values = new Dictionary<string, string?>
        {
            ["urls"] = Url(port),
            ["Senningen:Node:Country"] = country.Value,
            ["Senningen:Node:Name"] = $"Senningen demo {country.Value}",
            ["Senningen:Node:PublicUrl"] = Url(port),
            ["Senningen:Node:DataDirectory"] = DataDirectory(root, country),
            ["Senningen:Exchange:AllowPlainHttp"] = "true",
            ["Senningen:Node:Demo"] = "true",
            // The demo cameras read passing traffic, now and then a listed vehicle (nodes without cameras send nothing).
            ["Senningen:Anpr:DemoReadsPerSecond"] = "2",
            ["Senningen:Requests:SeedDemo"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // Demo keys are throw-away; production protects them with a certificate (README, "Data protection").
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        var index = 0;
        foreach (var (partner, partnerPort) in Nodes.Where(n => n.Country != country))
        {
            values[$"Senningen:Node:Partners:{index}:Country"] = partner.Value;
            values[$"Senningen:Node:Partners:{index}:BaseUrl"] = Url(partnerPort);
            values[$"Senningen:Node:Partners:{index}:PublicKey"] = publicKeys[partner];
            index++;
        }

        return values;
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static void PrintBanner(string root, bool reset)
    {
        Console.WriteLine();
        Console.WriteLine("Senningen demo — three nodes on this machine" + (reset ? " (fresh data)" : ""));
        foreach (var (country, port) in Nodes)
        {
            Console.WriteLine($"  {country.Value}  {Url(port)}/        API reference: {Url(port)}/api-reference");
        }

        Console.WriteLine();
        Console.WriteLine("  Log in on any node as officer, controlroom, liaison, dpo or admin — password: demo");
        Console.WriteLine($"  Data: {root} (kept between runs; add --reset to start afresh)");
        Console.WriteLine("  Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
