namespace Senningen.Core.Audit.Merkle;

/// <summary>An audit entry as a leaf of the log's Merkle tree: its facts (its id among them) under a domain tag.</summary>
public static class AuditLeaf
{
    // The tag keeps a leaf's bytes from ever equalling a legacy chain link's, whose prefix is a 64-digit hash.
    private const string Domain = "senningen-audit-leaf-v1";

    public static byte[] Hash(in AuditFacts facts) => MerkleHash.Leaf(AuditEncoding.Encode(Domain, facts));
}
