using System.Net;
using System.Net.Sockets;
using Senningen.Cli.Credentials;
using Senningen.Contracts.Audit;

namespace Senningen.Cli.Tests.OverHttp;

public sealed class AdminAuditAndNodeTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private FakeNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await FakeNode.StartAsync();
        NodeAddress.TryParse(_node.Url, out var node).ShouldBeTrue();
        new CredentialStore(_cli.ConfigDir).Store(node, new StoredToken(FakeNode.Username, FakeNode.Token, FakeNode.ExpiresAt));
        _cli.Environment["SENNINGEN_NODE"] = _node.Url;
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task CreateUser_Valid_PostsCanonicalRolesWithTheBearerToken()
    {
        _cli.Stdin = "initial-pass\n";

        var result = await _cli.RunAsync("admin", "create-user", "--username", "bart", "--display-name", "Bart Maes", "--unit", "PZ Antwerpen",
            "--role", "officer", "--role", "ControlRoom", "--language", "NL", "--password-stdin");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.TrimEnd().ShouldBe($"Created bart (Bart Maes, PZ Antwerpen, BE, roles Officer, ControlRoom) on {_node.Url}");
        var sent = _node.CreatedUsers.ShouldHaveSingleItem();
        sent.Password.ShouldBe("initial-pass");
        sent.Roles.ShouldBe(["Officer", "ControlRoom"]);
        sent.Language.ShouldBe("nl");
        _node.Requests.ShouldContain(("POST /api/v1/admin/users", $"Bearer {FakeNode.Token}"));
    }

    [Fact]
    public async Task CreateUser_RejectedByTheNode_ExitsOneWithOneLineNamingTheField()
    {
        _cli.Stdin = "initial-pass\n";

        var result = await _cli.RunAsync("admin", "create-user", "--username", "taken", "--display-name", "T", "--unit", "U", "--role", "Officer", "--password-stdin");

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.SingleErrorLine().ShouldBe("senn: Invalid user: One or more fields are invalid. (username: is already taken)");
    }

    [Fact]
    public async Task CreateUser_OnATerminalWithMismatchedPasswords_ExitsTwoWithoutSending()
    {
        _cli.StdinRedirected = false;
        _cli.TypedSecrets.Enqueue("one");
        _cli.TypedSecrets.Enqueue("two");

        var result = await _cli.RunAsync("admin", "create-user", "--username", "bart", "--display-name", "B", "--unit", "U", "--role", "Officer");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldBe("senn: the passwords do not match");
        _node.CreatedUsers.ShouldBeEmpty();
    }

    [Fact]
    public async Task AuditVerify_IntactLog_ExitsZeroWithTreeSizeAndRoot()
    {
        var result = await _cli.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.TrimEnd().ShouldBe(("Audit log intact: 42 entries against 3 signed heads\nTree size 42, root 9f86d081, 2 entries waiting to be integrated\n" +
            "No partner has confirmed a head of this log yet").Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditVerify_WitnessedLog_NamesEachPartnerWhoseConfirmationsWereChecked_AndThoseIgnored()
    {
        static TreeHeadConfirmation Confirmed(string witness, long size, string root) =>
            new(witness, new SignedTreeHead("BE", size, root, DateTimeOffset.UnixEpoch, "k1", "s"), "consistent", null, DateTimeOffset.UnixEpoch, "k2", "s",
                DateTimeOffset.UnixEpoch, true);
        _node.Confirmations = [Confirmed("NL", 8, "aa"), Confirmed("NL", 40, "bb"), Confirmed("LU", 21, "cc")];
        _node.DiscardedConfirmations = 1;

        var result = await _cli.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.Split(Environment.NewLine)[2..5].ShouldBe([
            "Checked against LU's confirmations (1), latest at 21 entries, root cc",
            "Checked against NL's confirmations (2), latest at 40 entries, root bb",
            "1 stored confirmation(s) ignored: the partner's signature does not check"]);
    }

    [Fact]
    public async Task AuditVerify_AlteredEntry_ExitsThreeNamingTheEntry()
    {
        _node.Verification = new(false, 17, 17, "entry #17 (leaf 16) was altered", "ab12", 17, "ab12", 1, 17, "k1", null, 0);

        var result = await _cli.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(ExitCodes.AuditChainBroken);
        result.Out.Split(Environment.NewLine)[0].ShouldBe("Audit log BROKEN at entry #17: entry #17 (leaf 16) was altered");
    }

    [Fact]
    public async Task AuditVerify_DamageBetweenHeads_ExitsThreeNamingTheRange()
    {
        _node.Verification = new(false, 30, null, "leaves 20 to 29 were altered", "cd34", 30, "cd34", 2, 30, "k1", 20, 0);

        var result = await _cli.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(ExitCodes.AuditChainBroken);
        result.Out.Split(Environment.NewLine)[0].ShouldBe("Audit log BROKEN: leaves 20 to 29 were altered");
    }

    [Fact]
    public async Task AuditExport_WritesTheCsvAndPassesEveryFilter()
    {
        var file = Path.Combine(_cli.ConfigDir, "audit.csv");

        var result = await _cli.RunAsync("audit", "export", "--out", file, "--from", "2025-01-01T00:00:00Z", "--user", "anna",
            "--subject", "1-ABC-123", "--purpose", "Case review & audit", "--case", "PV/2025/17");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.TrimEnd().ShouldBe($"Exported 2 audit rows to {file}");
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe(_node.ExportCsv);
        _node.Requests.ShouldContain(r => r.Request ==
            "GET /api/v1/audit/export?from=2025-01-01T00%3A00%3A00.0000000%2B00%3A00&user=anna&subject=1-ABC-123&purpose=Case%20review%20%26%20audit&caseReference=PV%2F2025%2F17");
    }

    [Fact]
    public async Task AuditExport_RefusedByTheNode_KeepsTheOldFileAndLeavesNoPartialFile()
    {
        var file = Path.Combine(_cli.ConfigDir, "audit.csv");
        await File.WriteAllTextAsync(file, "previous export", TestContext.Current.CancellationToken);
        _node.RefuseExport = true;

        var result = await _cli.RunAsync("audit", "export", "--out", file);

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.SingleErrorLine().ShouldBe("senn: Forbidden: Exporting the audit log needs the DataProtectionOfficer role.");
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe("previous export");
        Directory.GetFiles(_cli.ConfigDir, "*.part").ShouldBeEmpty();
    }

    [Fact]
    public async Task NodeInfo_ShowsTheNodeAndItsPartners()
    {
        var result = await _cli.RunAsync("node", "info");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.ShouldBe(string.Join(Environment.NewLine,
            $"Senningen Brussel (BE) at {_node.Url}, version 1.2.3, demo mode",
            "  partner NL https://nl.example",
            "  partner LU https://lu.example",
            ""));
    }

    [Fact]
    public async Task AnyCommand_AgainstAClosedPort_ExitsFiveSayingConnectionRefused()
    {
        var closed = $"http://127.0.0.1:{FreeLoopbackPort()}";

        var result = await _cli.RunAsync("node", "info", "--node", closed);

        result.ExitCode.ShouldBe(ExitCodes.NodeUnreachable);
        result.SingleErrorLine().ShouldBe($"senn: cannot reach {closed}: connection refused");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
