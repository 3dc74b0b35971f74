using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Senningen.Core.Audit;

namespace Senningen.Bench.Audit;

/// <summary>
/// The pure kernel: <see cref="AuditChain.ComputeHash"/> (encode facts, UTF-8, SHA-256, hex) against
/// <see cref="SHA256.HashData(byte[])"/> over the very bytes ComputeHash hashes, i.e. the floor for the hash alone.
/// </summary>
public class AuditHashBenchmarks
{
    private readonly AuditFacts _facts = AuditRows.Facts(42);
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Encoding.UTF8.GetBytes(Encode(AuditChain.Genesis, _facts));
        // The peer must hash exactly what the kernel hashes, or the ratio means nothing.
        if (Convert.ToHexStringLower(SHA256.HashData(_bytes)) != AuditChain.ComputeHash(AuditChain.Genesis, _facts))
        {
            throw new InvalidOperationException("The benchmark's encoding of the facts differs from AuditChain's.");
        }
    }

    [Benchmark(Baseline = true, Description = "SHA256.HashData same bytes")]
    public byte[] Sha256OfSameBytes() => SHA256.HashData(_bytes);

    [Benchmark(Description = "AuditChain.ComputeHash")]
    public string ComputeHash() => AuditChain.ComputeHash(AuditChain.Genesis, _facts);

    private static string Encode(string previous, in AuditFacts facts)
    {
        var builder = new StringBuilder();
        string?[] fields =
        [
            previous, facts.Sequence.ToString(CultureInfo.InvariantCulture), facts.OccurredAtUnixMs.ToString(CultureInfo.InvariantCulture),
            facts.Actor, facts.ActorUnit, facts.ActorCountry, facts.Action, facts.Outcome, facts.Records, facts.Purpose,
            facts.CaseReference, facts.Recipient, facts.Detail,
        ];
        foreach (var field in fields)
        {
            _ = field is null ? builder.Append("-1:") : builder.Append(field.Length).Append(':').Append(field).Append('|');
        }

        return builder.ToString();
    }
}
