using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using NetArchTest.Rules;

namespace Senningen.Node.Tests.Architecture;

/// <summary>
/// The arrows point inwards (ADR 0001, 0016): Core depends on nothing of ours; Common on no capability; a capability,
/// and the console shell, reach another capability only through its published port, its <c>Public</c> namespace.
/// The capabilities are found, not listed: every namespace directly under <c>Senningen.Node.Features</c>.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "Senningen.Node.Features";
    private static readonly Assembly Node = typeof(NodeApp).Assembly;

    // Known today. Discovery must find at least these, so that a moved root namespace cannot make every rule pass on nothing.
    private static readonly string[] KnownCapabilities =
        ["Anpr", "App", "Audit", "Consultation", "Exchange", "Geo", "Identity", "NodeInfo", "Operations", "Registry", "Requests", "Treaty"];

    public static TheoryData<string> Capabilities => [.. DiscoverCapabilities()];

    [Fact]
    public void Discovery_FindsEveryKnownCapability()
    {
        KnownCapabilities.Except(DiscoverCapabilities()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Capabilities))]
    public void Capability_UsesAnotherCapabilityOnlyThroughItsPublishedPort(string capability)
    {
        var unpublished = DiscoverCapabilities().Where(c => c != capability).SelectMany(UnpublishedTypeNames).ToArray();

        var result = Types.InAssembly(Node)
            .That().ResideInNamespaceMatching(InNamespace(Features + "." + capability))
            .ShouldNot().HaveDependencyOnAny(unpublished)
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void ConsoleShellAndDemo_UseCapabilitiesOnlyThroughTheirPublishedPorts()
    {
        var unpublished = DiscoverCapabilities().SelectMany(UnpublishedTypeNames).ToArray();

        var result = Types.InAssembly(Node)
            .That().ResideInNamespaceMatching(InNamespace("Senningen.Node.Components"))
            .Or().ResideInNamespaceMatching(InNamespace("Senningen.Node.Demo"))
            .ShouldNot().HaveDependencyOnAny(unpublished)
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Common_DependsOnNoCapability()
    {
        var result = Types.InAssembly(Node)
            .That().ResideInNamespaceMatching(InNamespace("Senningen.Node.Common"))
            .ShouldNot().HaveDependencyOn(Features)
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Common_SourceNamesNoCapability()
    {
        // The compiled check misses what the compiler inlines (a capability's constant), so the source is read too.
        var common = Path.Combine(RepositoryRoot(), "src", "Senningen.Node", "Common");
        var relative = new Regex(@"\bFeatures\.(" + string.Join('|', DiscoverCapabilities()) + @")\b");
        var naming = Directory.EnumerateFiles(common, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains(Features, StringComparison.Ordinal) || relative.IsMatch(text)))
            .Select(f => Path.GetRelativePath(common, f));

        naming.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Capabilities))]
    public void CapabilityModule_HasTheOneSignature(string capability)
    {
        // builder.AddX() and app.MapX(), nothing else: NodeApp reads as the list of capabilities.
        var entryPoints = Node.GetTypes()
            .Where(t => t.Namespace == Features + "." + capability && t.Name.EndsWith("Module", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) || m.Name.StartsWith("Map", StringComparison.Ordinal))
            .ToList();

        entryPoints.ShouldNotBeEmpty();
        foreach (var method in entryPoints)
        {
            var expected = method.Name.StartsWith("Add", StringComparison.Ordinal) ? typeof(WebApplicationBuilder) : typeof(WebApplication);
            method.GetParameters().Select(p => p.ParameterType).ShouldBe([expected], method.Name);
            method.ReturnType.ShouldBe(expected, method.Name);
        }
    }

    [Fact]
    public void Core_DependsOnNoOtherSenningenAssemblyNorOnAspNetOrEf()
    {
        var core = typeof(Senningen.Core.Countries.CountryCode).Assembly;

        core.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("Senningen.", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal))
            .ShouldBeEmpty();
        var result = Types.InAssembly(core)
            .ShouldNot().HaveDependencyOnAny("Senningen.Node", "Senningen.Contracts", "Senningen.Cli", "Senningen.Testing",
                "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http")
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

    private static SortedSet<string> DiscoverCapabilities() =>
        new(Node.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => n[(Features.Length + 1)..].Split('.')[0]), StringComparer.Ordinal);

    /// <summary>
    /// Every top-level type of the capability outside its <c>Public</c> namespace, by full name: a namespace would
    /// also match the port below it. Nested types match through their outer type.
    /// </summary>
    private static IEnumerable<string> UnpublishedTypeNames(string capability)
    {
        var inCapability = new Regex(InNamespace(Features + "." + capability));
        var inPort = new Regex(InNamespace(Features + "." + capability + ".Public"));
        return Node.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } n && inCapability.IsMatch(n) && !inPort.IsMatch(n)
                && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!);
    }

    private static string InNamespace(string root) => "^" + Regex.Escape(root) + @"(\.|$)";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Senningen.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Senningen.slnx above {AppContext.BaseDirectory}.");
    }
}
