namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// SQLite only (ADR 0012): how stored reads are found by plate and by camera. Instead of two B-tree indexes on
/// <c>anpr_reads</c>, whose random keys made every read dirty a page of its own at commit, each read adds two entries
/// (its canonical key and its camera, with time and read id) to <c>anpr_read_terms</c>, a table clustered by run. New
/// entries go into the one open run, which stays small; sealed runs of a size are merged in the background, F at a
/// time, into one run of the next size, written in key order. A search seeks each live run that overlaps its period.
/// </summary>
internal static class ReadRuns
{
    /// <summary>The run that takes new entries; there is at most one.</summary>
    public const int Open = 0;

    /// <summary>Sealed and searched.</summary>
    public const int Live = 1;

    /// <summary>A merge's output while it is written: not searched until the merge switches it live.</summary>
    public const int Building = 2;

    /// <summary>Replaced by a merge or past retention: not searched, its entries being deleted.</summary>
    public const int Retired = 3;

    public static string PlateTerm(string canonicalKey) => "k" + canonicalKey;

    public static string CameraTerm(string cameraId) => "c" + cameraId;

    /// <summary>
    /// The size class of a run with <paramref name="entries"/> entries: 0 for a first-level run (two entries per read),
    /// one more for each factor of <paramref name="fanIn"/> above it. Merging F runs of one class gives one of the next.
    /// </summary>
    public static int Tier(long entries, int runReads, int fanIn)
    {
        var tier = 0;
        for (var size = 2L * runReads * fanIn; entries >= size && tier < 30; size *= fanIn)
        {
            tier++;
        }

        return tier;
    }
}
