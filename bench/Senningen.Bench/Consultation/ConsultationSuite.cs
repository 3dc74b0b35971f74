using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Bench.Exchange;
using Senningen.Contracts.Consultation;
using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation;
using Senningen.Node.Features.Consultation.Answering;
using Senningen.Node.Features.Registry.Data;
using Senningen.Testing;

namespace Senningen.Bench.Consultation;

/// <summary>
/// Suite <c>consultation</c> (issue 6): a federated person search end to end across three real nodes on loopback
/// (BE asks NL and LU, joint-post context, SQLite, demo registers of 2,000 persons each), timed from the POST leaving
/// the driver to the moment the Belgian node has stored both answers (its <see cref="ChangeFeed<AnswerStored>"/> fires in this
/// process). Peer in the same run: the same queries answered by the Dutch node's answerer called in process, without
/// the exchange. Open loop at <c>--rate</c> searches per second; floor p99 ≤ 300 ms.
/// With <c>--vehicles</c> (issue 20): the Prüm vehicle registration search instead, by VIN of Dutch and Luxembourg
/// vehicles in turn, answered automatically by both; floor p99 under one second; written to
/// <c>consultation-vehicle.json</c> beside the person search's file.
/// </summary>
internal static class ConsultationSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var searches = Option(args, "--searches", 500);
        var warmup = Option(args, "--warmup", 100);
        var rate = Option(args, "--rate", 10);
        var vehicles = args.Contains("--vehicles");
        if (vehicles)
        {
            resultPath = Path.Combine(Path.GetDirectoryName(resultPath)!, "consultation-vehicle.json");
        }

        Console.WriteLine($"consultation{(vehicles ? " (Prüm vehicle search by VIN)" : "")}: {warmup} searches untimed, then {searches} at {rate}/s, BE asks NL and LU");
        await using var network = await TestNetwork.StartAsync(["BE", "NL", "LU"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Api:RequestsPerMinute"] = "1000000" });
        var workload = vehicles ? await VehicleWorkloadAsync(network) : await PersonWorkloadAsync(network["NL"]);
        using var officer = await network["BE"].SignedInAsync("officer");
        var feed = network["BE"].Services.GetRequiredService<ChangeFeed<AnswerStored>>();
        var started = new ConcurrentDictionary<Guid, long>();
        var answers = new ConcurrentDictionary<Guid, int>();
        var done = new ConcurrentDictionary<Guid, long>();
        feed.Changed += stored =>
        {
            var id = stored.SearchId;
            if (answers.AddOrUpdate(id, 1, (_, n) => n + 1) == 2)
            {
                done[id] = Stopwatch.GetTimestamp();
            }
        };

        await SendAsync(officer, workload, warmup, rate, started, null);
        var measured = new List<Guid>();
        await SendAsync(officer, workload, searches, rate, started, measured);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (measured.Any(id => !done.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var federated = Latencies.Of([.. measured.Where(done.ContainsKey).Select(id => Stopwatch.GetElapsedTime(started[id], done[id]).TotalMilliseconds)]);
        var direct = await DirectAsync(network["NL"], workload, searches);
        var unanswered = measured.Count(id => !done.ContainsKey(id));
        Console.WriteLine($"federated (BE -> NL + LU, both answers stored): {federated}; unanswered {unanswered}");
        Console.WriteLine($"direct (NL answerer in process, no exchange): {direct}");
        var result = new
        {
            suite = "consultation",
            ranAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown" },
            parameters = new { searches, warmup, rate, distinctCriteria = workload.Count, context = workload.Context, dataSet = workload.DataSet },
            units = "milliseconds per search; federated: from the POST leaving the driver to both partners' answers stored on the asking node; direct: the answering node's answerer in process (decision, lookup, audit entry), no exchange",
            federated,
            unanswered,
            direct,
            ratio = new { p50 = Math.Round(federated.P50Ms / direct.P50Ms, 2), p99 = Math.Round(federated.P99Ms / direct.P99Ms, 2) },
            floor = new { what = $"federated p99 <= {workload.FloorMs} ms", measured = federated.P99Ms, met = federated.P99Ms <= workload.FloorMs && unanswered == 0 },
        };
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json));
        Console.WriteLine($"floor: p99 {federated.P99Ms} vs {workload.FloorMs} {(result.floor.met ? "met" : "NOT met")}; wrote {resultPath}");
        return 0;
    }

    private static async Task SendAsync(HttpClient officer, Workload workload, int count, int rate, ConcurrentDictionary<Guid, long> started,
        List<Guid>? measured)
    {
        var origin = Stopwatch.GetTimestamp();
        var pending = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = origin + (long)(i * Stopwatch.Frequency / (double)rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            pending.Add(PostAsync(officer, workload.Request(i), started, measured));
        }

        await Task.WhenAll(pending);
    }

    private static async Task PostAsync(HttpClient officer, ConsultationSearchRequest request, ConcurrentDictionary<Guid, long> started, List<Guid>? measured)
    {
        var sent = Stopwatch.GetTimestamp();
        var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", request);
        var search = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConsultationSearchView>())!;
        started[search.Id] = sent;
        if (measured is not null)
        {
            lock (measured)
            {
                measured.Add(search.Id);
            }
        }
    }

    private static async Task<Latencies> DirectAsync(TestNode nl, Workload workload, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var query = workload.Direct(i);
            var started = Stopwatch.GetTimestamp();
            await using var scope = nl.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ConsultationAnswerer>().AnswerAsync(query, default);
            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Latencies.Of(times);
    }

    /// <summary>What the suite asks: the i-th search over HTTP, and the same criteria as the Dutch answerer receives them.</summary>
    private sealed record Workload(string Context, string DataSet, int Count, double FloorMs, Func<int, ConsultationSearchRequest> Request,
        Func<int, ConsultationQuery> Direct);

    private static async Task<Workload> PersonWorkloadAsync(TestNode nl)
    {
        List<StoredPerson> persons;
        await using (var scope = nl.Services.CreateAsyncScope())
        {
            persons = await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.AsNoTracking().OrderBy(p => p.Id).Take(500).ToListAsync();
        }

        StoredPerson Person(int i) => persons[i % persons.Count];
        return new Workload("joint-post", "persons", persons.Count, 300,
            i => new ConsultationSearchRequest("joint-post", "persons", "benchmark", "BENCH-1", new PersonCriteriaInput(Person(i).Surname,
                Person(i).GivenNames.Split(' ')[0], Person(i).BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            i => new ConsultationQuery(Guid.NewGuid(), ConsultationContext.JointPost, CountryCode.Parse("BE"), DataSet.Persons,
                new PersonParticulars
                {
                    Surname = Person(i).Surname,
                    GivenNames = Person(i).GivenNames.Split(' ')[0],
                    BirthDate = BirthDate.From(Person(i).BirthDate.Year, Person(i).BirthDate.Month, Person(i).BirthDate.Day),
                }, null, null, "benchmark", "BENCH-1", "officer"));
    }

    // VINs of Dutch and Luxembourg vehicles in turn: each search finds one vehicle at one partner and none at the other.
    private static async Task<Workload> VehicleWorkloadAsync(TestNetwork network)
    {
        var vins = new List<string>();
        foreach (var country in new[] { "NL", "LU" })
        {
            await using var scope = network[country].Services.CreateAsyncScope();
            vins.AddRange(await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryVehicles.AsNoTracking()
                .OrderBy(v => v.Id).Take(250).Select(v => v.Vin).ToListAsync());
        }

        return new Workload("prum-vehicle", "vehicles", vins.Count, 1000,
            i => new ConsultationSearchRequest("prum-vehicle", "vehicles", "benchmark", "BENCH-1", Vin: vins[i % vins.Count]),
            i => new ConsultationQuery(Guid.NewGuid(), ConsultationContext.PrumVehicle, CountryCode.Parse("BE"), DataSet.Vehicles, null, null, null,
                "benchmark", "BENCH-1", "officer", vins[i % vins.Count]));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
