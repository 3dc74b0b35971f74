using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class PhoneticKeyTests
{
    private static string Key(string name) => PhoneticKey.Of(NameText.Compact(NameText.Fold(name)));

    [Theory]
    [InlineData("Bijl", "Byl")] // ij / y
    [InlineData("Van Dijk", "Van Dyk")]
    [InlineData("Heijnen", "Heynen")] // eij / ey
    [InlineData("Huijbrechts", "Huybrechts")]
    [InlineData("Boudewijn", "Boedewijn")] // ou / oe
    [InlineData("Rouland", "Roeland")]
    [InlineData("Claes", "Clas")] // ae / a
    [InlineData("Daems", "Dams")]
    [InlineData("Baert", "Bart")]
    [InlineData("Claes", "Klaas")] // c / k, ae / aa
    [InlineData("Cornelis", "Kornelis")]
    [InlineData("Coppens", "Koppens")]
    [InlineData("Vercauteren", "Verkauteren")]
    [InlineData("Philips", "Filips")] // ph / f
    [InlineData("Stephan", "Stefan")]
    [InlineData("Schmidt", "Schmit")] // dt / t
    [InlineData("Brand", "Brant")] // a final d is voiceless
    [InlineData("Schouten", "Souten")] // sch / s
    [InlineData("Bosch", "Bos")]
    [InlineData("Hendrickx", "Hendriks")] // ck / k, x / ks
    [InlineData("Bakker", "Backer")]
    [InlineData("Zegers", "Segers")] // z / s
    [InlineData("Thijs", "Tijs")] // th / t
    [InlineData("Janssen", "Jansen")] // doubled letters
    [InlineData("Vincent", "Vinsent")] // c before e, i / s
    [InlineData("Jacques", "Jakes")] // qu / k
    [InlineData("Rousseau", "Rousso")] // eau / o
    [InlineData("Lievens", "Livens")] // ie / i
    public void Of_DutchAndFrenchSpellingsOfOneSound_HaveOneKey(string a, string b) => Key(a).ShouldBe(Key(b));

    [Theory]
    [InlineData("Jansen", "Janssens")] // the Flemish genitive s is a different name
    [InlineData("Peters", "Pieters")]
    [InlineData("De Vries", "De Vos")]
    [InlineData("Maas", "Mees")]
    [InlineData("Smit", "Smet")]
    [InlineData("Bakker", "Becker")]
    [InlineData("Wouters", "Walters")]
    public void Of_DifferentNames_KeepDifferentKeys(string a, string b) => Key(a).ShouldNotBe(Key(b));

    [Fact]
    public void Of_NothingWritten_IsEmpty() => PhoneticKey.Of("").ShouldBe("");
}
