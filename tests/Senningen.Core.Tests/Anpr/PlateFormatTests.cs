using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Anpr;

public sealed class PlateFormatTests
{
    [Theory]
    [InlineData("1-abc-123", "1ABC123")]
    [InlineData(" GB-123-X ", "GB123X")]
    [InlineData("ab.123.cd", "AB123CD")]
    [InlineData("LÖ AB 123", "LOAB123")]
    [InlineData("mü·x 7", "MUX7")]
    [InlineData("AB 1234", "AB1234")]
    public void TryParse_CaseSpacesDashesDots_AreNormalisedAway(string text, string expected)
    {
        Plate.TryParse(text, out var plate).ShouldBeTrue();
        plate.Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - . ")]
    [InlineData("ABC/123")]
    [InlineData("AB_12#")]
    [InlineData("12345678901")]
    [InlineData("ÉCOLE")]
    public void TryParse_NoPlateCharactersOrTooMany_IsRejected(string? text)
    {
        Plate.TryParse(text, out var plate).ShouldBeFalse();
        plate.IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1-ABC-123", "BE-1-ABC-123")]
    [InlineData("1-XYZ-987", "BE-1-ABC-123")]
    [InlineData("2-AAB-001", "BE-1-ABC-123")]
    [InlineData("2-QOZ-450", "BE-1-ABC-123")]
    [InlineData("7-KLM-314", "BE-1-ABC-123")]
    [InlineData("ABC-123", "BE-ABC-123")]
    [InlineData("JKV-402", "BE-ABC-123")]
    [InlineData("123-ABC", "BE-123-ABC")]
    [InlineData("905-PQR", "BE-123-ABC")]
    public void Recognise_BelgianPlates_NameTheirFormat(string text, string format) => FormatOf(text, CountryCode.Belgium).ShouldBe(format);

    [Theory]
    [InlineData("AB-12-34", 1)]
    [InlineData("ND-00-01", 1)]
    [InlineData("12-34-AB", 2)]
    [InlineData("12-AB-34", 3)]
    [InlineData("GB-12-FH", 4)]
    [InlineData("FH-GB-12", 5)]
    [InlineData("69-LH-BT", 6)]
    [InlineData("12-BDF-3", 7)]
    [InlineData("4-KLX-98", 8)]
    [InlineData("GB-123-X", 9)]
    [InlineData("N-001-SB", 10)]
    [InlineData("GBB-01-B", 11)]
    [InlineData("X-12-BDF", 12)]
    [InlineData("1-XB-123", 13)]
    [InlineData("123-XB-4", 14)]
    [InlineData("VB-123-X", 9)]
    [InlineData("MZ-12-PT", 4)]
    public void Recognise_DutchSidecodes_AreNumbered(string text, int sidecode) =>
        FormatOf(text, CountryCode.Netherlands).ShouldBe($"NL-sidecode-{sidecode}");

    [Theory]
    [InlineData("AA-12-BC")]
    [InlineData("GE-123-X")]
    [InlineData("12-YKL-3")]
    [InlineData("CD-12-34")]
    [InlineData("OI-12-34")]
    [InlineData("SS-12-34")]
    [InlineData("1-PSV-12")]
    [InlineData("GB-12-SD")]
    [InlineData("1-ABC-123")]
    [InlineData("GB12")]
    public void Recognise_DutchShapeWithLettersTheRdwNeverIssues_IsNotDutch(string text) =>
        FormatOf(text, CountryCode.Netherlands).ShouldBe("unknown");

    [Theory]
    [InlineData("AB 1234", "LU-AB-1234")]
    [InlineData("ZK 9081", "LU-AB-1234")]
    [InlineData("12345", "LU-numeric")]
    [InlineData("4711", "LU-numeric")]
    [InlineData("987", "LU-numeric")]
    public void Recognise_LuxembourgPlates_NameTheirFormat(string text, string format) => FormatOf(text, CountryCode.Luxembourg).ShouldBe(format);

    [Theory]
    [InlineData("AA-123-AA", "FR-SIV")]
    [InlineData("GH-405-ZK", "FR-SIV")]
    [InlineData("WW-001-AB", null)]
    [InlineData("SS-123-AB", null)]
    [InlineData("AB-123-SS", null)]
    [InlineData("AB-000-CD", null)]
    [InlineData("AI-123-BC", null)]
    [InlineData("AB-123-CO", null)]
    [InlineData("123 ABC 75", "FR-FNI")]
    [InlineData("4567 XY 13", "FR-FNI")]
    [InlineData("9 A 01", "FR-FNI")]
    [InlineData("123 AB 2A", "FR-FNI")]
    [InlineData("345 FG 974", "FR-FNI")]
    [InlineData("123 AB 96", null)]
    [InlineData("123 AB 977", null)]
    [InlineData("12345 AB 75", null)]
    [InlineData("123 ABCD 75", null)]
    [InlineData("123 OB 75", null)]
    public void Recognise_FrenchSivAndFni_FollowTheirRules(string text, string? format) => FormatOf(text, CountryCode.France).ShouldBe(format ?? "unknown");

    [Theory]
    [InlineData("B-MW 1234", "DE-standard")]
    [InlineData("K AB 1", "DE-standard")]
    [InlineData("AC-X 99", "DE-standard")]
    [InlineData("KLE AB 123", "DE-standard")]
    [InlineData("LÖ XY 22", "DE-standard")]
    [InlineData("M AB 123E", "DE-electric")]
    [InlineData("HH A 1H", "DE-historic")]
    [InlineData("B 1234", null)]
    [InlineData("KLE AB 1234", null)]
    [InlineData("MZG AB 01", null)]
    [InlineData("BORAB 1234", null)]
    [InlineData("1234 AB", null)]
    public void Recognise_GermanPlates_DistrictLettersDigitsAndSuffix(string text, string? format) => FormatOf(text, CountryCode.Germany).ShouldBe(format ?? "unknown");

    [Theory]
    [InlineData("GB-12-FH", "NL")]
    [InlineData("1-ABC-123", "BE")]
    [InlineData("GH-405-ZK", "FR")]
    [InlineData("KLE AB 123", "DE")]
    [InlineData("12345", "LU")]
    public void Recognise_WithoutCountry_FindsTheIssuingCountry(string text, string country) =>
        Plate.Parse(text).Format.Country.Value.ShouldBe(country);

    [Theory]
    [InlineData("123 456 78")]
    [InlineData("X")]
    [InlineData("POLICE")]
    [InlineData("GB 1234 56")]
    [InlineData("ABCDEFGHIJ")]
    public void Parse_ForeignOrSpecialPlate_IsAcceptedWithFormatUnknown(string text)
    {
        var plate = Plate.Parse(text);
        plate.Format.ShouldBe(PlateFormat.Unknown);
        plate.Format.IsKnown.ShouldBeFalse();
    }

    private static string FormatOf(string text, CountryCode country) => Plate.Parse(text, country).Format.Id;
}
