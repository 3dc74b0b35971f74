using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Public;

/// <summary>
/// A country's population register as the node consults it. A country implements it against its own system (the
/// Belgian national register, the Dutch BRP, the Luxembourg RNPP); <see cref="Reference.ReferencePersonRegistry"/>
/// is the node's own database. Implementations answer only what they hold: disclosure rules are applied by the caller.
/// </summary>
public interface IPersonRegistry
{
    Task<RegistryPerson?> FindAsync(long id, CancellationToken ct);

    Task<RegistryPerson?> FindByNationalIdAsync(NationalId nationalId, CancellationToken ct);

    /// <summary>
    /// The candidates a name matcher ranks: every person whose <see cref="SurnameKey"/> equals the query's and, when
    /// a year is given, who was born in it, at most <see cref="PersonCandidateQuery.Limit"/> of them by id.
    /// </summary>
    Task<PersonCandidates> CandidatesAsync(PersonCandidateQuery query, CancellationToken ct);
}

/// <summary>
/// A blocking query. <paramref name="SurnameKey"/> is <see cref="Core.Consultation.Registry.SurnameKey.Of"/> of a
/// surname; the matcher sends one query per key and year it wants (spelling variants, year ± 1, a swapped day and
/// month), so the contract stays an exact, indexed lookup.
/// </summary>
public sealed record PersonCandidateQuery(string SurnameKey, int? BirthYear, int Limit = 500);

/// <param name="Truncated">More persons matched than the limit: the query was too broad to rank them all.</param>
public sealed record PersonCandidates(IReadOnlyList<RegistryPerson> Persons, bool Truncated);
