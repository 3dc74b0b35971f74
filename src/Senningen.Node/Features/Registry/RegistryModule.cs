using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Generate;
using Senningen.Node.Features.Registry.Public;
using Senningen.Node.Features.Registry.Reference;

namespace Senningen.Node.Features.Registry;

/// <summary>
/// National registries: the adapter interfaces a country implements, the reference adapter on the node's own
/// database, and its synthetic filling. Reads are not exposed over HTTP here; consultation will use the adapters.
/// </summary>
internal static class RegistryModule
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        services.AddSingleton(RegistrySettings.Read(configuration));
        services.AddScoped<IPersonRegistry, ReferencePersonRegistry>();
        services.AddScoped<IVehicleRegistry, ReferenceVehicleRegistry>();
        services.AddScoped<IDocumentRegistry, ReferenceDocumentRegistry>();
        services.AddScoped<IPoliceRecordRegistry, ReferencePoliceRecordRegistry>();
        services.AddSingleton<RegistryPersonIndex>().AddScoped<IPersonIndex, ReferencePersonIndex>();
        services.AddSingleton<RegistryLoadLock>().AddScoped<RegistryWriter>().AddScoped<RegistryGenerator>();
        return builder;
    }

    /// <summary>A demo node starts with a small registry of its country, the same on every machine; an existing one is kept.</summary>
    public static async Task SeedDemoRegistryAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var (node, registry) = (scope.ServiceProvider.GetRequiredService<NodeSettings>(), scope.ServiceProvider.GetRequiredService<RegistrySettings>());
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        if (!node.DemoMode || registry.DemoPersons == 0 || await db.RegistryPersons.AnyAsync(ct))
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<RegistryGenerator>().ReplaceAsync(registry.DemoPersons, (ulong)registry.DemoSeed, ct, Actor.Node(node));
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry");
        registry.MapPost("/generate", GenerateRegistry.HandleAsync).RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces the reference registry with a synthetic one of this node's country (persons 1-10,000,000; same seed, same data). Audited.");
        return app;
    }
}
