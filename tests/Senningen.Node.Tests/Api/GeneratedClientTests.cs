using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// The document is good enough when a mainstream generator's client works: NSwag writes a C# client from what a real node
/// serves, Roslyn compiles it with code that uses it as an integrator would, and that code drives the node.
/// </summary>
public sealed class GeneratedClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NSwagClient_FromTheServedDocument_SignsInDecidesSendsReadsTakesARequestThroughItsWorkflowAndReadsProblemsAsTypedErrors()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var node = network["BE"];
        using var anonymous = node.Anonymous();
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await anonymous.GetStringAsync("openapi/v1.json", Ct), Ct);
        var settings = new CSharpClientGeneratorSettings { ClassName = GeneratedClientDriver.ClientName, UseBaseUrl = false };
        settings.CSharpGeneratorSettings.Namespace = GeneratedClientDriver.Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var driver = Compile(code, GeneratedClientDriver.Source);
        var facts = await (Task<string[]>)driver.GetMethod("RunAsync")!.Invoke(null, [node.BaseUrl, network["NL"].BaseUrl])!;

        facts.ShouldBe(
        [
            "problem 400 urn:senningen:problem:validation username required",
            "signed in admin",
            "treaty hot-pursuit in NL: allowed True",
            "reads accepted 1, rejected #1 lat range",
            "problem 404 urn:senningen:problem:not-found",
            "request draft then submitted",
            "problem 409 action transition-not-allowed",
            "partner requested received then accepted",
        ]);
    }

    private static Type Compile(params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(GeneratedClientDriver.Namespace, sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Success.ShouldBeTrue(string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        image.Position = 0;
        Assembly assembly = new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
        return assembly.GetType(GeneratedClientDriver.Namespace + ".Driver", throwOnError: true)!;
    }
}
