using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>The log's signed head and its RFC 9162 proofs, for the DPO, <c>senn audit verify</c> and whoever holds a head.</summary>
internal static class AuditTreeEndpoints
{
    public const string BeyondTree = "beyond-tree";
    public const string NotIntegrated = "not-integrated";
    public const string Order = "order";

    public static async Task<Results<Ok<SignedTreeHead>, ProblemHttpResult>> LatestHeadAsync(AuditTree tree, Texts texts, CancellationToken ct) =>
        await tree.LatestHeadAsync(ct) is { } head ? TypedResults.Ok(head) : Problems.NotFound(texts, texts["audit.tree.head"]);

    public static async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> InclusionAsync(string? entry, string? size, AuditTree tree,
        SenningenDbContext db, Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var treeSize = (await tree.LatestHeadAsync(ct))?.Size ?? 0;
        var id = Number(validator, "entry", entry, null, 1, long.MaxValue);
        var at = Number(validator, "size", size, treeSize, 1, long.MaxValue);
        if (at > treeSize)
        {
            validator.Add("size", BeyondTree, "rule.audit-beyond-tree", treeSize);
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        if (await tree.InclusionProofAsync(id, at, ct) is { } proof)
        {
            return TypedResults.Ok(proof);
        }

        if (!await db.AuditEntries.AnyAsync(e => e.Sequence == id, ct))
        {
            return Problems.NotFound(texts, texts["audit.tree.entry"]);
        }

        return validator.Add("entry", NotIntegrated, "rule.audit-not-integrated", id, at).Problem();
    }

    public static async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> ConsistencyAsync(string? from, string? to, AuditTree tree,
        Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var treeSize = (await tree.LatestHeadAsync(ct))?.Size ?? 0;
        var older = Number(validator, "from", from, null, 1, long.MaxValue);
        var newer = Number(validator, "to", to, null, 1, long.MaxValue);
        if (!validator.HasErrors && newer > treeSize)
        {
            validator.Add("to", BeyondTree, "rule.audit-beyond-tree", treeSize);
        }

        if (!validator.HasErrors && older > newer)
        {
            validator.Add("from", Order, "rule.audit-from-after-to");
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var path = await tree.ConsistencyProofAsync(older, newer, ct);
        return TypedResults.Ok(new ConsistencyProof(older, newer, [.. path.Select(Convert.ToHexStringLower)]));
    }

    /// <summary>A whole number from the query string; <paramref name="fallback"/> when absent (null: required).</summary>
    private static long Number(RequestValidator validator, string field, string? text, long? fallback, long min, long max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } value)
            {
                return value;
            }

            validator.Required(field, text);
            return 0;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        validator.Add(field, Rules.Range, "rule.range", min, max);
        return 0;
    }
}
