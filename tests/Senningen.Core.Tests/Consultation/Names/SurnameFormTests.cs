using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class SurnameFormTests
{
    [Theory]
    [InlineData("van der Berg", "vanderberg", "berg")]
    [InlineData("Van der Berg", "vanderberg", "berg")]
    [InlineData("Berg, van der", "vanderberg", "berg")]
    [InlineData("Berg van der", "vanderberg", "berg")]
    [InlineData("VAN DEN BERG", "vandenberg", "berg")]
    [InlineData("Vandenberg", "vandenberg", "vandenberg|berg")]
    [InlineData("d'Hondt", "dhondt", "hondt")]
    [InlineData("D’Hondt", "dhondt", "hondt")]
    [InlineData("in 't Veld", "intveld", "veld")]
    [InlineData("de la Croix", "delacroix", "croix")]
    [InlineData("Delacroix", "delacroix", "delacroix|croix")]
    [InlineData("von der Leyen", "vonderleyen", "leyen")]
    [InlineData("Leyen, von der", "vonderleyen", "leyen")]
    [InlineData("De Vos", "devos", "vos")]
    [InlineData("Devos", "devos", "devos")]
    [InlineData("Dekker", "dekker", "dekker|kker")]
    [InlineData("O'Brien", "obrien", "obrien")]
    [InlineData("Van", "van", "van")]
    [InlineData("Le", "le", "le")]
    public void Parse_Particles_AreSeparatedFromTheStemWhateverTheirPlace(string written, string compact, string stems)
    {
        var surname = SurnameForm.Parse(written);

        surname.Compact.ShouldBe(compact);
        surname.Stems.ShouldBe(stems.Split('|'));
    }

    [Theory]
    [InlineData("Janssens-De Vos", "janssens|devos", "janssens|vos")]
    [InlineData("Janssens De Vos", "janssens|devos", "janssens|vos")]
    [InlineData("García Márquez", "garcia|marquez", "garcia|marquez")]
    [InlineData("van den Berg-van Dijk", "vandenberg|vandijk", "berg|dijk")]
    [InlineData("Bosch van Drakestein", "bosch|vandrakestein", "bosch|drakestein")]
    public void Parse_CompoundAndDoubleSurnames_KeepEachPartWithItsParticles(string written, string parts, string stems)
    {
        var surname = SurnameForm.Parse(written);

        surname.Parts.ShouldBe(parts.Split('|'));
        surname.Stems.ShouldBe(stems.Split('|'));
    }

    [Fact]
    public void Parse_ACommaBeforeSomethingElseThanParticles_IsASpace() =>
        SurnameForm.Parse("Peeters, Jan").Parts.ShouldBe(["peeters", "jan"]);

    [Fact]
    public void SortedParts_DoNotDependOnTheOrderOfACompound() =>
        SurnameForm.Parse("De Vos-Janssens").SortedParts.ShouldBe(SurnameForm.Parse("Janssens-De Vos").SortedParts);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - , ' ")]
    public void Parse_NothingWritten_IsEmpty(string? written) => SurnameForm.Parse(written).IsEmpty.ShouldBeTrue();
}
