namespace Senningen.Core.Consultation.Names;

/// <summary>A candidate for a query: the indexed record, its score in bits and, field by field, why.</summary>
public sealed record PersonMatch(PersonRecord Record, double Score, IReadOnlyList<FieldMatch> Explanation);

/// <summary>Why a query was not run.</summary>
public enum RefusalReason
{
    /// <summary>No surname, no identifier, and no full date of birth with a given name or a postcode: nothing to search on.</summary>
    NothingSelective = 1,

    /// <summary>The query's blocks hold more people than <see cref="PersonIndex.MaxCandidates"/>: a common surname alone.</summary>
    TooBroad,
}

/// <summary>
/// A refused query: the reason, the candidates it would have brought (the distinct count; the sum of its block
/// sizes when that was too large to read, see <see cref="PersonIndex.ReadCeilingFactor"/>), and the criteria that
/// would narrow it.
/// </summary>
public sealed record QueryRefusal(RefusalReason Reason, int EstimatedCandidates, IReadOnlyList<PersonField> AddOneOf);

/// <summary>
/// The answer to a search: ranked matches (best first, ties by index order), or a refusal asking for more criteria.
/// A refusal is a value, not an exception: the caller turns it into a problem+json naming the missing criteria.
/// </summary>
public sealed record PersonSearchResult
{
    private PersonSearchResult(IReadOnlyList<PersonMatch> matches, QueryRefusal? refusal, int scored) =>
        (Matches, Refusal, CandidatesScored) = (matches, refusal, scored);

    public IReadOnlyList<PersonMatch> Matches { get; }

    public QueryRefusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    /// <summary>How many distinct candidates the blocks brought and the scorer compared.</summary>
    public int CandidatesScored { get; }

    internal static PersonSearchResult Found(IReadOnlyList<PersonMatch> matches, int scored) => new(matches, null, scored);

    internal static PersonSearchResult Refused(QueryRefusal refusal) => new([], refusal, 0);
}
