using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Consultation.Registry;

/// <summary>
/// Each national identifier against numbers worked out by hand from its rule (see the comments), valid and invalid.
/// </summary>
public sealed class NationalIdFormatTests
{
    [Theory]
    // 850714123 mod 97 = 67, 97 - 67 = 30.
    [InlineData("85071412330", "1985-07-14")]
    [InlineData("85.07.14-123.30", "1985-07-14")]
    // Born 2003: the check is over 2 030201002 (mod 97 = 23), so 74; a 1900s check (97 - 30201002 mod 97) would differ.
    [InlineData("03020100274", "2003-02-01")]
    [InlineData("99123199742", "1999-12-31")]
    [InlineData("00010100105", "2000-01-01")]
    public void BelgianNationalNumber_Valid_GivesTheBirthDate(string text, string born)
    {
        NationalId.TryParse(CountryCode.Belgium, text, out var id).ShouldBeTrue();
        BelgianNationalNumber.IsValid(id.Digits, out var date).ShouldBeTrue();
        date.ShouldBe(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    // BIS numbers add 40 (sex known) or 20 (unknown) to the month: 854714123 mod 97 = 78, so 19; 852714123 gives 73.
    [InlineData("85471412319")]
    [InlineData("85271412373")]
    // An unknown birth month and day are written 00: 850000123 mod 97 = 84, so 13.
    [InlineData("85000012313")]
    public void BelgianNationalNumber_BisAndUnknownDates_AreValidWithoutABirthDate_OrWithTheRealOne(string text)
    {
        BelgianNationalNumber.IsValid(text, out var born).ShouldBeTrue();
        born.ShouldBe(text[2..4] == "00" ? null : new DateOnly(1985, 7, 14));
    }

    [Theory]
    [InlineData("85071412331")] // check off by one
    [InlineData("03020100275")] // check off by one for a 2000s birth
    [InlineData("85071400030")] // serial 000 is never issued
    [InlineData("85071499830")] // serial 998 is never issued
    [InlineData("85131412347")] // month 13
    [InlineData("8507141233")] // ten digits
    [InlineData("85071412A30")] // a letter
    public void BelgianNationalNumber_Invalid_IsRefused(string text) => NationalId.TryParse(CountryCode.Belgium, text, out _).ShouldBeFalse();

    [Fact]
    public void BelgianNationalNumber_FebruaryThirtieth_IsRefusedEvenWithAMatchingCheck()
    {
        var body = 850230123L;
        var text = $"{body}{97 - (body % 97):D2}";

        NationalId.TryParse(CountryCode.Belgium, text, out _).ShouldBeFalse();
    }

    [Theory]
    // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 = 69, minus 3 = 66 = 6·11.
    [InlineData("111222333", true)]
    // 9+16+21+24+25+24+21+16 = 156, minus 2 = 154 = 14·11.
    [InlineData("123456782", true)]
    [InlineData("1234.56.782", true)]
    [InlineData("123456789", false)] // 156 - 9 = 147, not a multiple of 11
    [InlineData("12345678", false)]
    [InlineData("000000000", false)]
    [InlineData("1234567820", false)]
    public void DutchBsn_ElevenProof(string text, bool valid) => NationalId.TryParse(CountryCode.Netherlands, text, out _).ShouldBe(valid);

    [Theory]
    // First eleven digits, then Luhn and Verhoeff of those eleven.
    [InlineData("1983071200165", true)]
    [InlineData("1945123112350", true)]
    [InlineData("2010022899936", true)]
    [InlineData("1983071200175", false)] // Luhn digit wrong
    [InlineData("1983071200166", false)] // Verhoeff digit wrong
    [InlineData("1983071200156", false)] // both swapped
    [InlineData("1983133100165", false)] // month 13
    [InlineData("198307120016", false)]
    public void LuxembourgMatricule_LuhnAndVerhoeff(string text, bool valid) => NationalId.TryParse(CountryCode.Luxembourg, text, out _).ShouldBe(valid);

    [Fact]
    public void CheckDigits_TextbookExamples()
    {
        CheckDigits.Luhn("7992739871").ShouldBe(3);
        CheckDigits.Verhoeff("236").ShouldBe(3);
        // ICAO 9303's own example: the document number L898902C3 has check digit 6.
        CheckDigits.Icao("L898902C3").ShouldBe(6);
    }

    [Fact]
    public void Create_RoundTripsThroughValidation()
    {
        BelgianNationalNumber.Create(new DateOnly(1985, 7, 14), 123).ShouldBe("85071412330");
        BelgianNationalNumber.Create(new DateOnly(2003, 2, 1), 2).ShouldBe("03020100274");
        LuxembourgMatricule.Create(new DateOnly(1983, 7, 12), 1).ShouldBe("1983071200165");
    }
}
