using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn driving a real node (Kestrel on loopback, SQLite), as an administrator would from a shell.</summary>
public sealed class CliAgainstRealNodeTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "LU");

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _node.DisposeAsync();
    }

    private string Node => _node.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task LoginThenWhoAmI_ShowsTheUserOfThatNode()
    {
        _cli.Stdin = "demo\n";

        var login = await _cli.RunAsync("--node", Node, "login", "--username", "admin", "--password-stdin");
        var whoami = await _cli.RunAsync("--node", Node, "whoami");

        login.ExitCode.ShouldBe(0, login.Error);
        login.Out.ShouldContain("as admin");
        whoami.ExitCode.ShouldBe(0, whoami.Error);
        whoami.Out.ShouldContain("LU");
    }

    [Fact]
    public async Task AdminCreateUser_CreatesAUserWhoCanThenLogIn_AndADuplicateIsRefusedNamingTheField()
    {
        await LoginAsync("admin");
        _cli.Stdin = "Strong-enough-2026\n";
        var create = await _cli.RunAsync("--node", Node, "admin", "create-user", "--username", "j.weber", "--display-name", "Jos Weber",
            "--unit", "CIN", "--role", "ControlRoom", "--language", "de", "--zone", "lu", "--password-stdin");
        _cli.Stdin = "Strong-enough-2026\n";
        var again = await _cli.RunAsync("--node", Node, "admin", "create-user", "--username", "j.weber", "--display-name", "Jos Weber",
            "--unit", "CIN", "--role", "ControlRoom", "--password-stdin");

        create.ExitCode.ShouldBe(0, create.Error);
        create.Out.ShouldContain("zones LU");
        again.ExitCode.ShouldBe(1);
        again.SingleErrorLine().ShouldContain("username");
        using var client = await _node.SignedInAsync("j.weber", "Strong-enough-2026");
    }

    [Fact]
    public async Task AuditVerifyAndExport_ReportTheChainAndWriteTheCsv()
    {
        await LoginAsync("dpo");
        var csv = Path.Combine(_cli.ConfigDir, "audit.csv");

        var verify = await _cli.RunAsync("--node", Node, "audit", "verify");
        var export = await _cli.RunAsync("--node", Node, "audit", "export", "--out", csv);

        verify.ExitCode.ShouldBe(0, verify.Error);
        verify.Out.ShouldContain("intact");
        export.ExitCode.ShouldBe(0, export.Error);
        File.ReadAllLines(csv)[0].ShouldStartWith("sequence,");
    }

    [Fact]
    public async Task AuditVerify_AfterATamperedRow_ExitsThreeNamingTheEntry()
    {
        await LoginAsync("dpo");
        await _node.AuditIntegratedAsync();
        await using (var scope = _node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Detail\" = 'nothing happened' WHERE \"Sequence\" = 2",
                TestContext.Current.CancellationToken);
        }

        var verify = await _cli.RunAsync("--node", Node, "audit", "verify");

        verify.ExitCode.ShouldBe(3);
        verify.Out.ShouldContain("#2");
    }

    [Fact]
    public async Task OfficerRunningAnAdminCommand_GetsOneLineAndExitOne()
    {
        await LoginAsync("officer");
        _cli.Stdin = "Strong-enough-2026\n";

        var result = await _cli.RunAsync("--node", Node, "admin", "create-user", "--username", "x", "--display-name", "X",
            "--unit", "U", "--role", "Officer", "--password-stdin");

        // The Luxembourg demo officer works in French, and the node answers in the user's language.
        result.ExitCode.ShouldBe(1);
        result.SingleErrorLine().ShouldStartWith("senn: Non autorisé");
    }

    private async Task LoginAsync(string username)
    {
        _cli.Stdin = "demo\n";
        var login = await _cli.RunAsync("--node", Node, "login", "--username", username, "--password-stdin");
        login.ExitCode.ShouldBe(0, login.Error);
    }
}
