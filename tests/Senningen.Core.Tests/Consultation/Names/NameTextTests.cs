using FsCheck.Xunit;
using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class NameTextTests
{
    private const string Replay = "(20261123,61107)";

    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("Gérard Dupré", "gerard dupre")]
    [InlineData("François", "francois")]
    [InlineData("Ĳsselmuiden", "ijsselmuiden")]
    [InlineData("Strauß", "strauss")]
    [InlineData("Lætitia", "laetitia")]
    [InlineData("Cœur", "coeur")]
    [InlineData("Søren Łukasz", "soren lukasz")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("ŽIŽEK", "zizek")]
    [InlineData("  Jean--Pierre ", "jean-pierre")]
    [InlineData("d’Hondt", "d'hondt")]
    [InlineData("'t Hooft", "t hooft")]
    [InlineData("Berg , van der", "berg,van der")]
    [InlineData("De Smet (BE)", "de smet be")]
    [InlineData("J. P.", "j p")]
    [InlineData("O'Brien3", "o'brien")]
    public void Fold_DiacriticsCaseAndPunctuation_GiveTheAsciiForm(string written, string folded) =>
        NameText.Fold(written).ShouldBe(folded);

    [Fact]
    public void Compact_KeepsOnlyTheLetters() => NameText.Compact("van der berg-de vos").ShouldBe("vanderbergdevos");

    [Property(MaxTest = 1000, Replay = Replay)]
    public bool Fold_IsIdempotent_AndLeavesOnlyLowerAsciiAndSingleSeparators(string? text)
    {
        var once = NameText.Fold(text ?? "");
        var separatorsSingle = !once.Zip(once.Skip(1)).Any(p => !char.IsAsciiLetterLower(p.First) && !char.IsAsciiLetterLower(p.Second));
        var edgesAreLetters = once.Length == 0 || (char.IsAsciiLetterLower(once[0]) && char.IsAsciiLetterLower(once[^1]));
        return NameText.Fold(once) == once && once.All(c => char.IsAsciiLetterLower(c) || c is ' ' or '-' or '\'' or ',') && separatorsSingle && edgesAreLetters;
    }

    [Property(MaxTest = 1000, Replay = Replay)]
    public bool Fold_IgnoresCaseAndAccentsOfLatinLetters(int seed)
    {
        var random = new Random(seed);
        const string plain = "aeiouncy";
        const string accented = "áéíóúñçý";
        var word = new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => plain[random.Next(plain.Length)])]);
        var dressed = new string([.. word.Select(c => random.Next(3) switch
        {
            0 => char.ToUpperInvariant(c),
            1 => accented[plain.IndexOf(c, StringComparison.Ordinal)],
            _ => c,
        })]);
        return NameText.Fold(dressed) == word;
    }
}
