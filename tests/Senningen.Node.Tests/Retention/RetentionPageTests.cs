using System.Net;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Retention;

/// <summary>The DPO's retention page: every kind with its rule and what is kept; other roles are turned away.</summary>
public sealed class RetentionPageTests
{
    [Fact]
    public async Task RetentionPage_DataProtectionOfficer_SeesEveryKindItsRuleAndTheHolds_AnOfficerIsDenied()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "NL");
        using var dpo = await ConsoleSession.SignedInAsync(node, "dpo");
        using var officer = await ConsoleSession.SignedInAsync(node, "officer");

        var html = await dpo.GetPageAsync("/retention");
        using var denied = await officer.GetAsync("/retention");

        html.ShouldContain("data-testid=\"retention-kinds\"");
        foreach (var kind in Core.Retention.RetentionKinds.All)
        {
            html.ShouldContain($"data-kind=\"{kind}\"");
        }

        html.ShouldContain("Wetboek van Strafvordering art. 126jj");
        html.ShouldContain("data-testid=\"retention-next\"");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.AbsolutePath.ShouldBe("/denied");
    }
}
