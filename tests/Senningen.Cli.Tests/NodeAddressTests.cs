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
}
