using System.Diagnostics.CodeAnalysis;

namespace Senningen.Core.Treaty;

/// <summary>Either a catalogue or the problems that prevent one; never both.</summary>
public sealed class TreatyParseResult
{
    private TreatyParseResult(TreatyCatalogue? catalogue, IReadOnlyList<TreatyProblem> problems)
    {
        Catalogue = catalogue;
        Problems = problems;
    }

    public TreatyCatalogue? Catalogue { get; }

    public IReadOnlyList<TreatyProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Catalogue))]
    public bool IsSuccess => Catalogue is not null;

    internal static TreatyParseResult Success(TreatyCatalogue catalogue) => new(catalogue, []);

    internal static TreatyParseResult Failure(IReadOnlyList<TreatyProblem> problems) => new(null, problems);
}
