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
/// </summary>
internal static class ConsultationSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var searches = Option(args, "--searches", 500);
        var warmup = Option(args, "--warmup", 100);
        var rate = Option(args, "--rate", 10);
        Console.WriteLine($"consultation: {warmup} searches untimed, then {searches} at {rate}/s, BE asks NL and LU");
        await using var network = await TestNetwork.StartAsync(["BE", "NL", "LU"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Api:RequestsPerMinute"] = "1000000" });
        var persons = await PersonsAsync(network["NL"]);
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

        await SendAsync(officer, persons, warmup, rate, started, null);
        var measured = new List<Guid>();
        await SendAsync(officer, persons, searches, rate, started, measured);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (measured.Any(id => !done.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var federated = Latencies.Of([.. measured.Where(done.ContainsKey).Select(id => Stopwatch.GetElapsedTime(started[id], done[id]).TotalMilliseconds)]);
        var direct = await DirectAsync(network["NL"], persons, searches);
        var unanswered = measured.Count(id => !done.ContainsKey(id));
        Console.WriteLine($"federated (BE -> NL + LU, both answers stored): {federated}; unanswered {unanswered}");
        Console.WriteLine($"direct (NL answerer in process, no exchange): {direct}");
        var result = new
        {
            suite = "consultation",
            ranAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown" },
            parameters = new { searches, warmup, rate, registerPersons = persons.Count, context = "joint-post", dataSet = "persons" },
            units = "milliseconds per search; federated: from the POST leaving the driver to both partners' answers stored on the asking node; direct: the answering node's answerer in process (decision, lookup, audit entry), no exchange",
            federated,
            unanswered,
            direct,
            ratio = new { p50 = Math.Round(federated.P50Ms / direct.P50Ms, 2), p99 = Math.Round(federated.P99Ms / direct.P99Ms, 2) },
            floor = new { what = "federated p99 <= 300 ms", measured = federated.P99Ms, met = federated.P99Ms <= 300 && unanswered == 0 },
        };
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json));
        Console.WriteLine($"floor: p99 {federated.P99Ms} vs 300 {(result.floor.met ? "met" : "NOT met")}; wrote {resultPath}");
        return 0;
    }

    private static async Task SendAsync(HttpClient officer, List<StoredPerson> persons, int count, int rate, ConcurrentDictionary<Guid, long> started,
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

            var person = persons[i % persons.Count];
            pending.Add(PostAsync(officer, person, started, measured));
        }

        await Task.WhenAll(pending);
    }

    private static async Task PostAsync(HttpClient officer, StoredPerson person, ConcurrentDictionary<Guid, long> started, List<Guid>? measured)
    {
        var sent = Stopwatch.GetTimestamp();
        var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("joint-post", "persons", "benchmark",
            "BENCH-1", new PersonCriteriaInput(person.Surname, person.GivenNames.Split(' ')[0], person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
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

    private static async Task<Latencies> DirectAsync(TestNode nl, List<StoredPerson> persons, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var person = persons[i % persons.Count];
            var started = Stopwatch.GetTimestamp();
            await using var scope = nl.Services.CreateAsyncScope();
            var query = new ConsultationQuery(Guid.NewGuid(), ConsultationContext.JointPost, CountryCode.Parse("BE"), DataSet.Persons,
                new PersonParticulars
                {
                    Surname = person.Surname,
                    GivenNames = person.GivenNames.Split(' ')[0],
                    BirthDate = BirthDate.From(person.BirthDate.Year, person.BirthDate.Month, person.BirthDate.Day),
                }, null, null, "benchmark", "BENCH-1", "officer");
            await scope.ServiceProvider.GetRequiredService<ConsultationAnswerer>().AnswerAsync(query, default);
            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Latencies.Of(times);
    }

    private static async Task<List<StoredPerson>> PersonsAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.AsNoTracking().OrderBy(p => p.Id).Take(500).ToListAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
