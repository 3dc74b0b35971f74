using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Senningen.Bench.Anpr;
using Senningen.Bench.AnprIngest;
using Senningen.Bench.Audit;
using Senningen.Bench.Exchange;
using Senningen.Bench.Geofence;
using Senningen.Bench.NameMatch;
using Senningen.Bench.Operations;

namespace Senningen.Bench;

/// <summary>Runs one named suite and writes bench/results/&lt;suite&gt;.json next to the solution.</summary>
internal static class Suites
{
    private static readonly Dictionary<string, Type[]> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audit-hash"] = [typeof(AuditHashBenchmarks)],
        ["exchange-crypto"] = [typeof(PayloadCryptoBenchmarks)],
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "audit", StringComparison.OrdinalIgnoreCase))
        {
            // Two node instances appending on one PostgreSQL, a plain table as the peer, then proofs over a large tree.
            return await AuditTreeSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "audit.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "exchange-priority", StringComparison.OrdinalIgnoreCase))
        {
            // Urgent messages under a routine backlog, next to the same messages sent without priority.
            return await PrioritySuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "exchange-priority.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "exchange", StringComparison.OrdinalIgnoreCase))
        {
            // A load driver over real nodes, not a BenchmarkDotNet class.
            return await ExchangeSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "exchange.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "geofence", StringComparison.OrdinalIgnoreCase))
        {
            // Lookups over a data set with peers in the same process: a Stopwatch loop, not a BenchmarkDotNet class.
            return await GeofenceSuite.RunAsync(args, RepositoryRoot(), Path.Combine(RepositoryRoot(), "bench", "results", "geofence.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "anpr-match", StringComparison.OrdinalIgnoreCase))
        {
            // Reads against hotlists with a peer in the same process: a Stopwatch loop, as for geofence.
            return await AnprSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "anpr-match.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "anpr-ingest", StringComparison.OrdinalIgnoreCase))
        {
            // Reads over HTTP into a real node, with PostgreSQL as the peer: a load driver, as for operations.
            return await AnprIngestSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "anpr-ingest.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "app-load", StringComparison.OrdinalIgnoreCase))
        {
            // The officer's app in Chromium over an emulated slow link, with the console's sign-in page as the peer.
            return await AppLoad.AppLoadSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "app-load.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "name-match", StringComparison.OrdinalIgnoreCase))
        {
            // FEBRL4 linkage with peers in the same run, then latency over 1 M synthetic people: a Stopwatch loop, as for geofence.
            return await NameMatchSuite.RunAsync(args, RepositoryRoot(), Path.Combine(RepositoryRoot(), "bench", "results", "name-match.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "consultation", StringComparison.OrdinalIgnoreCase))
        {
            return await Consultation.ConsultationSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "consultation.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "failover", StringComparison.OrdinalIgnoreCase))
        {
            // The driver of deploy/failover-drill, which sets up the databases, runs it and writes failover.json.
            return await Failover.FailoverSuite.RunAsync(args);
        }

        if (args.Length > 0 && string.Equals(args[0], "revocation", StringComparison.OrdinalIgnoreCase))
        {
            // Disable a signed-in user and time the first refusal of token, cookie and open console page: a driver over a real node.
            return await Revocation.RevocationSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "revocation.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "backup", StringComparison.OrdinalIgnoreCase))
        {
            // The shipped backup and restore scripts over a filled node, SQLite and PostgreSQL.
            return await Backup.BackupSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "backup.json"));
        }

        if (args.Length > 0 && string.Equals(args[0], "operations", StringComparison.OrdinalIgnoreCase))
        {
            return await OperationsSuite.RunAsync(args, Path.Combine(RepositoryRoot(), "bench", "results", "operations.json"));
        }

        if (args.Length == 0 || !All.TryGetValue(args[0], out var types))
        {
            await Console.Error.WriteLineAsync($"usage: Senningen.Bench <suite> [--long]   suites: {string.Join(", ", All.Keys)}, audit [--postgres <admin connection string>] [--writers 16] [--seconds 8] [--rounds 2] [--proof-entries 10000000], exchange [--n 5000] [--batch 100] [--rate 500] [--seconds 20], exchange-priority [--backlog 10000] [--urgent 50], geofence [--points 10000000] [--postgis-points 200000], anpr-match [--quick] [--sizes 100000,1000000] [--reads 4000000] [--passes 5], name-match [--persons 1000000] [--queries 20000], operations [--units 2000] [--seconds 60] [--warmup 10], anpr-ingest [--clients 4] [--seconds 30] [--rate 5000] [--history-reads 10000000], consultation [--searches 500] [--warmup 100] [--rate 10], revocation [--tries 20] [--windows 00:00:30,00:00:02], backup [--persons 1000000] [--reads 1000000] [--stores sqlite,postgres]");
            return 2;
        }

        // In-process: no generated project to build per benchmark, so the run stays short and works offline.
        // ShortRun (3 warm-ups, 3 iterations) unless --long asks for BenchmarkDotNet's default job.
        var job = (args.Contains("--long") ? Job.Default : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable().AddJob(job)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "senningen-bench-artifacts"));
        var summaries = new List<Summary>();
        foreach (var type in types)
        {
            summaries.Add(BenchmarkRunner.Run(type, config));
        }

        var path = Path.Combine(RepositoryRoot(), "bench", "results", args[0].ToLowerInvariant() + ".json");
        await ResultFile.WriteAsync(path, args[0].ToLowerInvariant(), job.Run.LaunchCount == 1 ? "ShortRun" : "Default", summaries);
        await Console.Out.WriteLineAsync($"wrote {path}");
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Senningen.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: Senningen.slnx was not found above the current directory.");
    }
}
