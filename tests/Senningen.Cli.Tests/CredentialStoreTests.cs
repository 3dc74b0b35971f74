using System.Runtime.Versioning;
using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests;

public sealed class CredentialStoreTests : IDisposable
{
    private static readonly StoredToken Anna = new("anna", "token-a", new DateTimeOffset(2030, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private static readonly StoredToken Bram = new("bram", "token-b", new DateTimeOffset(2030, 5, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"senn-store-{Guid.NewGuid():N}", "senningen");
    private readonly CredentialStore _store;

    public CredentialStoreTests() => _store = new CredentialStore(_directory);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public void Store_ThenFind_ReturnsTheSameToken()
    {
        _store.Store(Node("http://be.example:5101"), Anna);

        new CredentialStore(_directory).Find(Node("http://be.example:5101")).ShouldBe(Anna);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Store_OnUnix_CreatesTheFileReadableByTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");

        _store.Store(Node("http://be.example:5101"), Anna);

        File.GetUnixFileMode(_store.FilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(_directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Store_ForTwoNodes_KeepsOneTokenPerNode()
    {
        _store.Store(Node("http://be.example:5101"), Anna);
        _store.Store(Node("http://nl.example:5101"), Bram);

        _store.Find(Node("http://be.example:5101")).ShouldBe(Anna);
        _store.Find(Node("http://nl.example:5101")).ShouldBe(Bram);
    }

    [Fact]
    public void Find_WithTheSameNodeSpelledDifferently_FindsTheToken()
    {
        _store.Store(Node("http://BE.example:5101/"), Anna);

        _store.Find(Node("http://be.example:5101")).ShouldBe(Anna);
    }

    [Fact]
    public void Remove_OneNode_LeavesTheOtherLoggedIn()
    {
        _store.Store(Node("http://be.example:5101"), Anna);
        _store.Store(Node("http://nl.example:5101"), Bram);

        _store.Remove(Node("http://be.example:5101")).ShouldBeTrue();

        _store.Find(Node("http://be.example:5101")).ShouldBeNull();
        _store.Find(Node("http://nl.example:5101")).ShouldBe(Bram);
    }

    [Fact]
    public void LastNode_IsTheNodeOfTheLatestLogin()
    {
        _store.LastNode().ShouldBeNull();
        _store.Store(Node("http://be.example:5101"), Anna);
        _store.Store(Node("http://nl.example:5101"), Bram);

        _store.LastNode().ShouldBe(Node("http://nl.example:5101"));
    }

    [Fact]
    public void Find_InACorruptFile_TreatsTheUserAsLoggedOut()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(_store.FilePath, "{ not json");

        _store.Find(Node("http://be.example:5101")).ShouldBeNull();
        _store.Store(Node("http://be.example:5101"), Anna);
        _store.Find(Node("http://be.example:5101")).ShouldBe(Anna);
    }

    [Fact]
    public void Store_LeavesNoTemporaryFilesBehind()
    {
        _store.Store(Node("http://be.example:5101"), Anna);
        _store.Store(Node("http://be.example:5101"), Bram);

        Directory.GetFiles(_directory).Select(Path.GetFileName).ShouldBe(["credentials.json"]);
    }

    private static NodeAddress Node(string url) => NodeAddress.TryParse(url, out var node) ? node : throw new ArgumentException(url);
}
