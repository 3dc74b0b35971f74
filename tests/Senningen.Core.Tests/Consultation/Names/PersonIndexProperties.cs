using FsCheck.Xunit;
using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

/// <summary>Search over a seeded population: each person finds themselves first, and a copy with one error finds them near the top.</summary>
public sealed class PersonIndexProperties
{
    private const string Replay = "(20261123,9103)";
    private static readonly PersonRecord[] Population = People.Population(5_000, seed: 11);
    private static readonly PersonIndex Index = PersonIndex.Build(Population);

    [Property(MaxTest = 500, Replay = Replay)]
    public bool ARegisteredPerson_FindsThemselvesTopOne(ushort pick)
    {
        var person = Population[pick % Population.Length];
        var matches = Index.Search(person.Person).Matches;
        return matches.Count > 0 && (matches[0].Record.Id == person.Id || (matches[0].Record.Person == person.Person && matches[0].Score == matches.First(m => m.Record.Id == person.Id).Score));
    }

    [Property(MaxTest = 1000, Replay = Replay)]
    public bool APersonWithOneError_IsAmongTheFirstThree(ushort pick, int seed)
    {
        var person = Population[pick % Population.Length];
        var query = People.WithOneError(person.Person, new Random(seed));
        return Index.Search(query).Matches.Take(3).Any(m => m.Record.Id == person.Id);
    }

    [Property(MaxTest = 300, Replay = Replay)]
    public bool Scores_AreSymmetricInQueryAndCandidate(ushort a, ushort b)
    {
        var (x, y) = (PreparedPerson.From(Population[a % Population.Length].Person), PreparedPerson.From(Population[b % Population.Length].Person));
        var scorer = new PersonScorer(MatchWeights.Default);
        return scorer.Score(x, y) == scorer.Score(y, x);
    }
}
