namespace Senningen.Cli.Tests;

public sealed class NodeAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5101", "http://127.0.0.1:5101")]
    [InlineData("http://127.0.0.1:5101/", "http://127.0.0.1:5101")]
    [InlineData(" HTTPS://Node.BE.example:443/senningen/ ", "https://node.be.example/senningen")]
    [InlineData("http://node.example:80", "http://node.example")]
    public void TryParse_HttpUrl_IsNormalised(string text, string expected)
    {
        NodeAddress.TryParse(text, out var node).ShouldBeTrue();
        node.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1:5101")]
    [InlineData("ftp://node.example")]
    [InlineData("http://user:pw@node.example")]
    [InlineData("http://node.example/#top")]
    public void TryParse_AnythingElse_IsRejected(string? text)
    {
        NodeAddress.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5101", false)]
    [InlineData("http://127.8.9.10", false)]
    [InlineData("http://[::1]:5101", false)]
    [InlineData("http://LOCALHOST:5101", false)]
    [InlineData("https://node.be.example", false)]
    [InlineData("http://node.be.example", true)]
    [InlineData("http://128.0.0.1", true)]
    [InlineData("http://[::2]", true)]
    [InlineData("http://localhost.example", true)]
    [InlineData("http://0.0.0.0:5101", true)]
    public void PlainHttp_IsAllowedOnlyToThisComputer(string text, bool refused)
    {
        NodeAddress.TryParse(text, out var node).ShouldBeTrue();
        node.IsPlainHttpBeyondThisComputer.ShouldBe(refused);
    }
}
