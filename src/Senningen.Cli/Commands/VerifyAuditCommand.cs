using System.CommandLine;
using System.Globalization;
using Senningen.Cli.Http;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;

namespace Senningen.Cli.Commands;

internal static class VerifyAuditCommand
{
    public static Command Create(CliContext context)
    {
        var entries = new Option<long[]>("--entry")
        {
            Description = "Also fetch the inclusion proof of this entry id in the latest signed head and check it here (repeatable).",
            HelpName = "ID", AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("verify",
            $"Check the node's audit log against its Merkle tree, its signed heads and the heads its partners confirmed. Exits {ExitCodes.AuditChainBroken} when an entry or head does not match.")
        {
            entries,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                // The node checks each partner's signature on its confirmation against the partner's configured key.
                var verified = await connection.Client.GetAsync<WitnessedVerification>("api/v1/audit/tree-heads/verify", ct);
                if (!verified.Succeeded)
                {
                    return context.Fail(connection.Node, verified.Problem);
                }

                // A broken log is the answer to the question asked, not a failure of senn: it goes to stdout.
                var result = verified.Value.Log;
                var output = context.Console.Out;
                output.WriteLine(result.Intact
                    ? string.Create(CultureInfo.InvariantCulture, $"Audit log intact: {result.EntriesChecked} entries against {result.HeadsChecked} signed heads")
                    : result.FirstBrokenSequence is { } broken
                        ? string.Create(CultureInfo.InvariantCulture, $"Audit log BROKEN at entry #{broken}: {result.Problem}")
                        : $"Audit log BROKEN: {result.Problem}");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Tree size {result.TreeSize ?? result.EntriesChecked}, root {result.RootHash ?? result.HeadHash ?? "(empty)"}, {result.PendingEntries} entries waiting to be integrated"));
                WriteWitnesses(output, verified.Value);
                var proofsHold = true;
                foreach (var entry in parse.GetValue(entries) ?? [])
                {
                    var (held, problem) = await CheckInclusionAsync(connection, entry, output, ct);
                    if (problem is not null)
                    {
                        return context.Fail(connection.Node, problem);
                    }

                    proofsHold &= held;
                }

                return result.Intact && proofsHold ? ExitCodes.Ok : ExitCodes.AuditChainBroken;
            }
        });
        return command;
    }

    private static void WriteWitnesses(TextWriter output, WitnessedVerification verified)
    {
        if (verified.Heads.Count == 0)
        {
            output.WriteLine("No partner has confirmed a head of this log yet");
        }

        foreach (var witness in verified.Heads.GroupBy(h => h.Witness).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = witness.MaxBy(h => h.Head.Size)!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Checked against {witness.Key}'s confirmations ({witness.Count()}), latest at {latest.Head.Size} entries, root {latest.Head.RootHash}"));
        }

        if (verified.Discarded > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verified.Discarded} stored confirmation(s) ignored: the partner's signature does not check"));
        }
    }

    /// <summary>Checks one entry's inclusion proof against the latest signed head's root, or returns the node's refusal.</summary>
    private static async Task<(bool Holds, NodeProblem? Problem)> CheckInclusionAsync(Connection connection, long entry, TextWriter output,
        CancellationToken ct)
    {
        var head = await connection.Client.GetAsync<SignedTreeHead>("api/v1/audit/tree-heads/latest", ct);
        if (!head.Succeeded)
        {
            return (false, head.Problem);
        }

        var size = head.Value.Size;
        var proof = await connection.Client.GetAsync<InclusionProof>(
            string.Create(CultureInfo.InvariantCulture, $"api/v1/audit/proofs/inclusion?entry={entry}&size={size}"), ct);
        if (!proof.Succeeded)
        {
            return (false, proof.Problem);
        }

        var p = proof.Value;
        var holds = MerkleProofs.VerifyInclusion(Convert.FromHexString(p.LeafHash), p.LeafIndex, size, [.. p.AuditPath.Select(Convert.FromHexString)],
            Convert.FromHexString(head.Value.RootHash));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Entry #{entry}: leaf {p.LeafIndex} of {size}, inclusion proof ({p.AuditPath.Count} hashes) {(holds ? "holds" : "DOES NOT HOLD")}"));
        return (holds, null);
    }
}
