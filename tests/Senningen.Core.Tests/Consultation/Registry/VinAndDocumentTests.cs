using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Consultation.Registry;

/// <summary>VINs (structure always, check digit only where written) and document numbers per issuing country.</summary>
public sealed class VinAndDocumentTests
{
    [Theory]
    // The check digit example of 49 CFR 565: position 9 is X.
    [InlineData("1M8GDM9AXKP042788", true, true)]
    [InlineData("1m8gdm9a-xkp042788", true, true)]
    [InlineData("11111111111111111", true, true)]
    // A European VIN with a filler in position 9: valid, without a check digit (the rule would give 3).
    [InlineData("WBA3A5C5ZCF256985", true, false)]
    [InlineData("WBA3A5C53CF256985", true, true)]
    [InlineData("WBA3A5C5OCF256985", false, false)] // the letter O
    [InlineData("WBA3A5C5ICF256985", false, false)] // the letter I
    [InlineData("WBA3A5C53CF25698", false, false)] // 16 characters
    public void Vin_StructureAndOptionalCheckDigit(string text, bool valid, bool checkDigit)
    {
        var vin = Vin.Normalise(text);
        (vin is not null).ShouldBe(valid);
        if (vin is not null)
        {
            Vin.HasCheckDigit(vin).ShouldBe(checkDigit);
        }
    }

    [Theory]
    // 5911234567 mod 97 = 53.
    [InlineData("BE", DocumentType.IdentityCard, "591-1234567-53", true)]
    [InlineData("BE", DocumentType.IdentityCard, "591-1234567-54", false)]
    // 5899999974 = 97 · 60824742: a remainder of 0 is written 97.
    [InlineData("BE", DocumentType.IdentityCard, "589999997497", true)]
    [InlineData("BE", DocumentType.IdentityCard, "589999997400", false)]
    [InlineData("BE", DocumentType.Passport, "EM123456", true)]
    [InlineData("BE", DocumentType.Passport, "E1234567", false)]
    [InlineData("NL", DocumentType.Passport, "SPECI2014", true)]
    [InlineData("NL", DocumentType.IdentityCard, "IR4B7K2P1", true)]
    [InlineData("NL", DocumentType.IdentityCard, "IR4B7K2PO", false)] // ends in a letter
    [InlineData("NL", DocumentType.Passport, "NO4B7K2P1", false)] // the letter O is never used
    [InlineData("NL", DocumentType.Passport, "N14B7K2P1", false)] // the first two are letters
    [InlineData("LU", DocumentType.IdentityCard, "AI123456", true)]
    [InlineData("LU", DocumentType.IdentityCard, "A1234567", false)]
    public void DocumentNumbers_PerIssuer(string issuer, DocumentType type, string text, bool valid) =>
        DocumentNumbers.IsValid(CountryCode.Parse(issuer), type, DocumentNumbers.Normalise(text)).ShouldBe(valid);
}
