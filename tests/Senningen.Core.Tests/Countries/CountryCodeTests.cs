using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Countries;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("BE", "BE")]
    [InlineData(" nl ", "NL")]
    [InlineData("lu", "LU")]
    [InlineData("De", "DE")]
    [InlineData("FR", "FR")]
    public void TryParse_KnownCodeInAnyCase_NormalisesToUpperCase(string text, string expected)
    {
        CountryCode.TryParse(text, out var code).ShouldBeTrue();
        code.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("XX")]
    [InlineData("BEL")]
    [InlineData("B")]
    [InlineData("GB")]
    public void TryParse_UnknownOrMalformed_IsRejected(string? text)
    {
        CountryCode.TryParse(text, out var code).ShouldBeFalse();
        code.IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("BE", true)]
    [InlineData("NL", true)]
    [InlineData("LU", true)]
    [InlineData("DE", false)]
    [InlineData("FR", false)]
    public void TryParseParty_OnlyTreatyPartiesRunNodes(string text, bool expected)
    {
        CountryCode.TryParseParty(text, out var code).ShouldBe(expected);
        code.IsValid.ShouldBe(expected);
    }

    [Fact]
    public void Default_IsInvalid_AndPrintsEmpty()
    {
        default(CountryCode).IsValid.ShouldBeFalse();
        default(CountryCode).ToString().ShouldBe("");
    }
}
