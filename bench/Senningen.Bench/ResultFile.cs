using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace Senningen.Bench;

/// <summary>bench/results/&lt;suite&gt;.json: every case with its mean and rate, and each case's ratio to its peer (the baseline).</summary>
internal static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(string path, string suite, string job, IEnumerable<Summary> summaries)
    {
        var cases = new List<CaseResult>();
        foreach (var summary in summaries)
        {
            var reports = summary.Reports.Where(r => r.Success && r.ResultStatistics is not null).ToList();
            foreach (var report in reports)
            {
                var parameters = report.BenchmarkCase.Parameters.Items
                    .ToDictionary(p => p.Name, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "");
                var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline
                    && r.BenchmarkCase.Parameters.DisplayInfo == report.BenchmarkCase.Parameters.DisplayInfo
                    && r.BenchmarkCase.Descriptor.Categories.SequenceEqual(report.BenchmarkCase.Descriptor.Categories));
                var mean = report.ResultStatistics!.Mean;
                cases.Add(new CaseResult(
                    report.BenchmarkCase.Descriptor.Type.Name,
                    Name(report),
                    string.Join(", ", report.BenchmarkCase.Descriptor.Categories),
                    parameters,
                    Math.Round(mean, 1),
                    Math.Round(report.ResultStatistics.StandardError, 1),
                    Math.Round(1e9 / mean, 0),
                    baseline is null ? null : Name(baseline),
                    baseline is null ? null : Math.Round(mean / baseline.ResultStatistics!.Mean, 2)));
            }
        }

        var result = new SuiteResult(suite, job, TimeProvider.System.GetUtcNow(),
            new MachineInfo(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount),
            "meanNs is per operation (one audit entry, or one hash); perSecond = 1e9 / meanNs; ratio = meanNs / peer meanNs (above 1 is slower than the peer).",
            cases);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json) + "\n");
    }

    private static string Name(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    private sealed record SuiteResult(string Suite, string Job, DateTimeOffset RanAt, MachineInfo Machine, string Units, List<CaseResult> Cases);

    private sealed record MachineInfo(string Os, string Runtime, int Cores);

    private sealed record CaseResult(string Class, string Benchmark, string Category, Dictionary<string, string> Parameters, double MeanNs,
        double StandardErrorNs, double PerSecond, string? Peer, double? Ratio);
}
