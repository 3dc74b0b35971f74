namespace Senningen.Node.Tests.Requests;

/// <summary>Belgium and the Netherlands as real nodes, shared by the tests of one class: each test works on requests of its own.</summary>
public sealed class RequestNetworkFixture : IAsyncLifetime
{
    public TestNetwork Network { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await Network.DisposeAsync();
}
