using System.Net;

namespace Senningen.Node.Tests.Console;

public sealed class ConsoleAccessTests
{
    [Theory]
    [InlineData("/audit")]
    [InlineData("/users")]
    [InlineData("/statistics/dashboard")]
    public async Task RestrictedPage_Officer_GetsTheDeniedView(string path)
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        using var response = await session.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var denied = response.Headers.Location!;
        denied.AbsolutePath.ShouldBe("/denied");
        var html = await session.GetPageAsync(denied.PathAndQuery);

        html.ShouldContain("Uw rol geeft geen toegang tot deze pagina");
    }

    [Fact]
    public async Task AuditPage_DataProtectionOfficer_GetsFiltersAndChainCheck()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "dpo");

        var html = await session.GetPageAsync("/audit");

        html.ShouldContain("<h1>Audit log</h1>");
        html.ShouldContain("data-testid=\"audit-filters\"");
        html.ShouldContain("data-testid=\"audit-verify\"");
        html.ShouldContain("<option value=\"user.unlock\">");
    }

    [Fact]
    public async Task UsersPage_Admin_ListsTheDemoUsersWithLocalizedRoles()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "admin");

        var html = await session.GetPageAsync("/users");

        html.ShouldContain("<h1>Users</h1>");
        html.ShouldContain("data-testid=\"user-officer\"");
        html.ShouldContain("Data protection officer");
        html.ShouldContain("data-testid=\"user-create\"");
    }
}
