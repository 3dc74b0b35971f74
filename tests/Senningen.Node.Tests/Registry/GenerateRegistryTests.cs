using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Registry;
using Senningen.Core.Consultation.Registry.Synthetic;
using Senningen.Core.Countries;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Generate;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Registry;

/// <summary><c>POST /api/v1/registry/generate</c>: refuses bad input naming field and rule, replaces the registry, audits.</summary>
public sealed class GenerateRegistryTests : IAsyncLifetime
{
    private TestNode _node = null!;

    // No demo registry: these tests fill it themselves.
    public async ValueTask InitializeAsync() =>
        _node = await TestNode.StartAsync(country: "NL", settings: new Dictionary<string, string?> { ["Senningen:Registry:DemoPersons"] = "0" });

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"persons":0}""", "persons", "range")]
    [InlineData("""{"persons":10000001}""", "persons", "range")]
    [InlineData("""{"persons":-5,"seed":3}""", "persons", "range")]
    [InlineData("""{"seed":3}""", "persons", "required")]
    [InlineData("""{"persons":10,"seed":-1}""", "seed", "range")]
    [InlineData("""{"persons":"many"}""", "persons", "json-type")]
    [InlineData("""persons=10""", "body", "json-syntax")]
    public async Task Generate_BadInput_IsA400ProblemNamingFieldAndRule_AndWritesNothing(string body, string field, string rule)
    {
        using var admin = await _node.SignedInAsync("admin");

        using var response = await admin.PostAsync("api/v1/registry/generate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
        (await QueryAsync(_node, db => db.RegistryPersons.CountAsync(Ct))).ShouldBe(0);
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "registry.generate", Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Generate_ByAnAdministrator_ReplacesTheRegistry_ReportsCounts_AndIsAudited()
    {
        using var admin = await _node.SignedInAsync("admin");

        var first = await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(3000, 5), Ct);
        var second = await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(1200, 9), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await second.Content.ReadFromJsonAsync<GenerateRegistryReport>(Ct))!;
        var oracle = new SyntheticRegistry(CountryCode.Netherlands, 9).Generate(1200).ToList();
        (report.Country, report.Seed, report.Persons).ShouldBe(("NL", 9L, 1200L));
        (report.Vehicles, report.Documents, report.Records).ShouldBe((oracle.Sum(h => h.Vehicles.Count), oracle.Sum(h => h.Documents.Count), oracle.Sum(h => h.Records.Count)));
        var stored = await QueryAsync(_node, db => db.RegistryPersons.AsNoTracking().OrderBy(p => p.Id).Select(p => p.NationalId).ToListAsync(Ct));
        stored.ShouldBe(oracle.SelectMany(h => h.Persons).Select(p => p.NationalId.Digits));
        (await QueryAsync(_node, db => db.RegistryVehicles.CountAsync(Ct))).ShouldBe((int)report.Vehicles);
        var entries = await QueryAsync(_node, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "registry.generate").OrderBy(e => e.Sequence).ToListAsync(Ct));
        entries.Select(e => (e.Actor, e.Outcome)).ShouldBe([("admin", "success"), ("admin", "success")]);
        entries[1].Detail!.ShouldContain("seed 9: 1200 persons");
    }

    [Fact]
    public async Task Generate_WhileAnotherLoadRuns_IsA409Problem_AndWritesNothing()
    {
        using var admin = await _node.SignedInAsync("admin");
        var loading = _node.Services.GetRequiredService<RegistryLoadLock>();
        await loading.Gate.WaitAsync(Ct);
        try
        {
            using var response = await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(10, 1), Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
            problem.Type.ShouldBe("urn:senningen:problem:conflict");
            problem.Detail.ShouldNotBeNullOrWhiteSpace();
            problem.Detail.ShouldNotContain("registry.problem");
        }
        finally
        {
            loading.Gate.Release();
        }

        (await QueryAsync(_node, db => db.RegistryPersons.CountAsync(Ct))).ShouldBe(0);
    }
}
