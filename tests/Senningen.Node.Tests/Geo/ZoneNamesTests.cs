using Senningen.Core.Geo;
using Senningen.Node.Features.Geo.Public;

namespace Senningen.Node.Tests.Geo;

/// <summary>The port other pages use to show a zone by name instead of its code.</summary>
public sealed class ZoneNamesTests
{
    private static readonly ZoneNames Names = new(ControlRoomDirectory.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "geo", "control-rooms.json"))));

    [Theory]
    [InlineData("BE-VAN", "nl", "Antwerpen")]
    [InlineData("BE-VAN", "fr-BE", "Anvers")]
    [InlineData("BE-WLG", "de", "Lüttich")]
    [InlineData("NL-RE08", "fr", "Zeeland-West-Brabant")]
    [InlineData("LU", "en", "Grand Duchy of Luxembourg")]
    [InlineData("XX-UNKNOWN", "nl", "XX-UNKNOWN")]
    [InlineData(null, "nl", "")]
    public void Name_ZoneAndLanguage_GivesTheNameOrTheCodeItDoesNotKnow(string? zone, string language, string expected) =>
        Names.Name(zone, language).ShouldBe(expected);

    [Fact]
    public void All_InALanguage_NamesEveryZone()
    {
        var all = Names.All("en");

        all.Count.ShouldBe(22);
        all["NL-RE06"].ShouldBe("The Hague");
    }
}
