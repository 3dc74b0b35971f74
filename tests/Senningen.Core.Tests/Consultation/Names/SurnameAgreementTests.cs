using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

/// <summary>How two written surnames agree: one table row per rule of the issue, with rows that must not agree.</summary>
public sealed class SurnameAgreementTests
{
    private static Agreement Compare(string a, string b)
    {
        var (x, y) = (SurnameForm.Parse(a), SurnameForm.Parse(b));
        var level = FieldComparison.Surname(x, y);
        FieldComparison.Surname(y, x).ShouldBe(level, "agreement is symmetric");
        return level;
    }

    [Theory]
    [InlineData("van der Berg", "Van Der Berg")] // case
    [InlineData("van der Berg", "Berg, van der")] // particles after the stem
    [InlineData("van der Berg", "Berg van der")]
    [InlineData("Van den Berg", "Vandenberg")] // particles glued
    [InlineData("De Smet", "Desmet")]
    [InlineData("d'Hondt", "D Hondt")]
    [InlineData("Müller", "Muller")] // diacritics
    [InlineData("Dupré", "DUPRE")]
    [InlineData("Janssens-De Vos", "Janssens De Vos")] // compound, hyphen or space
    [InlineData("Janssens-De Vos", "De Vos-Janssens")] // compound in the other order
    public void Exact(string a, string b) => Compare(a, b).ShouldBe(Agreement.Exact);

    [Theory]
    [InlineData("van der Berg", "Berg")] // particles dropped
    [InlineData("van der Berg", "van den Berg")] // other particles
    [InlineData("Vandenberg", "van der Berg")] // glued on one side, other particles
    [InlineData("de la Croix", "Croix")]
    [InlineData("von der Leyen", "Leyen")]
    public void Stem(string a, string b) => Compare(a, b).ShouldBe(Agreement.Stem);

    [Theory]
    [InlineData("Janssens-De Vos", "Janssens")] // one surname of a double one
    [InlineData("Janssens-De Vos", "De Vos")]
    [InlineData("Janssens-De Vos", "Vos")]
    [InlineData("García Márquez", "Garcia")]
    [InlineData("Peeters-Van Dijck", "Van Dyck")] // one part, spelt another way
    public void Compound(string a, string b) => Compare(a, b).ShouldBe(Agreement.Compound);

    [Theory]
    [InlineData("Van Dijk", "Van Dyk")] // ij / y
    [InlineData("Bijl", "Byl")]
    [InlineData("Goethals", "Gouthals")] // ou / oe
    [InlineData("Claes", "Claas")] // ae / a
    [InlineData("Maes", "Maas")]
    [InlineData("Coppens", "Koppens")] // c / k
    [InlineData("Phlips", "Flips")] // ph / f
    [InlineData("Schmidt", "Smit")] // sch / s, dt / t
    [InlineData("Hendrickx", "Hendriks")] // ck / k
    [InlineData("Heijnen", "Heynen")]
    public void Phonetic(string a, string b) => Compare(a, b).ShouldBe(Agreement.Phonetic);

    [Theory]
    [InlineData("Vermeulen", "Vermeuelen")] // one letter added
    [InlineData("Vermeulen", "Vremeulen")] // transposition
    [InlineData("Wouters", "Woutres")]
    [InlineData("Peeters", "Peetres")]
    [InlineData("Lambrechts", "Lambrecths")]
    [InlineData("Dubois", "Duboit")] // one letter wrong
    [InlineData("Van den Broeck", "Van den Broock")]
    public void Typo(string a, string b) => Compare(a, b).ShouldBe(Agreement.Typo);

    [Theory]
    [InlineData("Jansen", "Peeters")]
    [InlineData("De Vries", "De Jong")] // the same particle is not a match
    [InlineData("Van Dijk", "Van Damme")]
    [InlineData("Maes", "Mertens")]
    [InlineData("Smit", "Smeets")]
    public void Disagree(string a, string b) => Compare(a, b).ShouldBe(Agreement.Disagree);

    [Fact]
    public void Missing_WhenEitherSideHasNoSurname() => Compare("", "Jansen").ShouldBe(Agreement.Missing);
}
