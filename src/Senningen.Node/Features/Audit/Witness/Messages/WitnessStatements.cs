using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Witness;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Audit.Witness.Messages;

/// <summary>The statement a witness signs about a head, built the same way when it is signed and when it is checked.</summary>
internal static class WitnessStatements
{
    public static WitnessStatement About(CountryCode witness, CountryCode node, SignedTreeHead head, string? rule, DateTimeOffset statedAt) =>
        new(witness.Value, node.Value, head.Size, HeadReading.IsHash(head.RootHash) ? head.RootHash : "",
            head.Timestamp.ToUnixTimeMilliseconds(), rule is null ? WitnessStatement.Consistent : WitnessStatement.Refused, rule,
            statedAt.ToUnixTimeMilliseconds());
}
