using Senningen.Core.Consultation.Registry;

namespace Senningen.Core.Tests.Consultation.Registry;

public sealed class SurnameKeyTests
{
    [Theory]
    [InlineData("van der Berg", "berg")]
    [InlineData("Berg, van der", "berg")]
    [InlineData("VAN DER BERG", "berg")]
    [InlineData("Vanderberg", "berg")]
    [InlineData("Van den Broeck", "broeck")]
    [InlineData("Vandenbroeck", "broeck")]
    [InlineData("d'Hondt", "hondt")]
    [InlineData("De Hondt", "hondt")]
    [InlineData("van 't Hof", "hof")]
    [InlineData("Lefèvre", "lefevre")]
    [InlineData("Müller", "muller")]
    [InlineData("Gonçalves", "goncalves")]
    [InlineData("Dupont-Lambert", "dupontlambert")]
    [InlineData("de la Vallée", "vallee")]
    [InlineData("Van", "van")]
    [InlineData("Vanes", "vanes")]
    public void Of_DropsParticlesDiacriticsAndCase(string surname, string key) => SurnameKey.Of(surname).ShouldBe(key);
}
