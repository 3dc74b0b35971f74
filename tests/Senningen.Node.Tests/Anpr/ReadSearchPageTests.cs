using System.Net;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Anpr;

/// <summary>The history search page shows the node's legal rule before anything is searched, and is not for patrol officers.</summary>
public sealed class ReadSearchPageTests
{
    [Theory]
    [InlineData("NL", "Nederland: registraties worden 28 dagen bewaard; elke zoekopdracht vereist een bevel van de officier van justitie.")]
    [InlineData("BE", "België: registraties worden 365 dagen bewaard; de bestuurlijke politie mag de laatste 30 dagen doorzoeken")]
    public async Task ControlRoom_SeesTheRuleOfItsNode_AndTheFormInItsLanguage(string country, string rule)
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, country);
        using var session = await ConsoleSession.SignedInAsync(node, "controlroom");

        var html = await session.GetPageAsync("/anpr/search");

        html.ShouldContain("<h1>ANPR-historie</h1>");
        html.ShouldContain(rule);
        html.ShouldContain("data-testid=\"search-prosecutor\"");
        html.ShouldContain("href=\"/anpr/search\"");
    }

    [Fact]
    public async Task Officer_GetsTheDeniedView()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        using var response = await session.GetAsync("/anpr/search");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/denied");
    }
}
