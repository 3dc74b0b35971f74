using Microsoft.Extensions.Configuration;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Tests.Configuration;

/// <summary>Demo mode (published password "demo", unprotected keys) is refused on any address other than loopback.</summary>
public sealed class DemoLoopbackTests
{
    private static Dictionary<string, string?> Demo(string key, string value) => new()
    {
        ["Senningen:Node:Country"] = "BE",
        ["Senningen:Node:PublicUrl"] = "http://127.0.0.1:5101/",
        ["Senningen:Node:DataDirectory"] = Path.Combine(Path.GetTempPath(), "senningen-demo-loopback-test"),
        ["Senningen:Node:Demo"] = "true",
        [key] = value,
    };

    [Theory]
    [InlineData("Senningen:Node:PublicUrl", "https://senningen.politie.be/")]
    [InlineData("Senningen:Node:PublicUrl", "http://192.0.2.10:5101/")]
    [InlineData("urls", "http://127.0.0.1:5101;http://0.0.0.0:5102")]
    [InlineData("urls", "http://*:5101")]
    [InlineData("urls", "http://+:5101")]
    [InlineData("urls", "http://[::]:5101")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Public:Url", "https://senningen.politie.be:443")]
    public void Demo_OnAnAddressOtherThanLoopback_StopsTheNode_NamingTheSetting(string key, string value)
    {
        var problem = Should.Throw<ConfigurationProblemException>(() => Read(Demo(key, value)));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"Senningen:Node:Demo = true is refused with {key} = '");
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5101;http://[::1]:5102;http://localhost:5103")]
    [InlineData("Kestrel:Endpoints:Local:Url", "http://127.0.0.2:5101")]
    [InlineData("Senningen:Node:PublicUrl", "http://localhost:5101/")]
    public void Demo_OnLoopback_Starts(string key, string value) => Read(Demo(key, value)).DemoMode.ShouldBeTrue();

    [Fact]
    public void OutsideDemo_AnyAddress_IsAccepted()
    {
        var values = Demo("urls", "http://0.0.0.0:5101");
        values["Senningen:Node:Demo"] = "false";
        values["Senningen:Node:PublicUrl"] = "https://senningen.politie.be/";

        Read(values).DemoMode.ShouldBeFalse();
    }

    private static NodeSettings Read(Dictionary<string, string?> values) =>
        NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
