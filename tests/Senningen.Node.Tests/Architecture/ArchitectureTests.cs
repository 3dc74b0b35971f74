using NetArchTest.Rules;

namespace Senningen.Node.Tests.Architecture;

/// <summary>The arrows point inwards: Core depends on nothing of ours; a capability reaches another only through Common.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Capabilities = ["Audit", "Identity", "Treaty", "NodeInfo", "Exchange", "Geo", "Operations", "Anpr"];

    [Fact]
    public void Core_DependsOnNoOtherSenningenAssemblyNorOnAspNet()
    {
        var result = Types.InAssembly(typeof(Senningen.Core.Countries.CountryCode).Assembly)
            .ShouldNot().HaveDependencyOnAny("Senningen.Node", "Senningen.Contracts", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Contracts_DependOnNothingOfOurs()
    {
        var result = Types.InAssembly(typeof(Senningen.Contracts.Auth.TokenRequest).Assembly)
            .ShouldNot().HaveDependencyOnAny("Senningen.Core", "Senningen.Node")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Common_DependsOnNoCapability_ExceptIdentityDataForTheDbContext()
    {
        // The one DbContext lists Identity's user type; nothing else in Common may know a capability.
        var result = Types.InAssembly(typeof(NodeApp).Assembly)
            .That().ResideInNamespace("Senningen.Node.Common")
            .And().DoNotHaveName("SenningenDbContext", "SqliteSenningenDbContext", "PostgresSenningenDbContext")
            .And().DoNotResideInNamespace("Senningen.Node.Common.Persistence.Migrations")
            .ShouldNot().HaveDependencyOnAny([.. Capabilities.Where(c => c != "NodeInfo").Select(c => "Senningen.Node.Features." + c)])
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("Audit")]
    [InlineData("Treaty")]
    [InlineData("NodeInfo")]
    [InlineData("Exchange")]
    [InlineData("Geo")]
    [InlineData("Operations")]
    [InlineData("Anpr")]
    public void Capability_DoesNotReachIntoAnotherCapability(string capability)
    {
        var others = Capabilities.Where(c => c != capability).Select(c => "Senningen.Node.Features." + c).ToArray();

        var result = Types.InAssembly(typeof(NodeApp).Assembly)
            .That().ResideInNamespace("Senningen.Node.Features." + capability)
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }
}
