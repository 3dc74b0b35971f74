using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Read by dotnet ef only (it takes the IDesignTimeServices of the startup assembly): new migrations are written into the
/// provider's migrations project, which cannot see the context types, so they are generated without the [DbContext]
/// attribute and the using that names the context (<see cref="ProviderMigrationsAssembly"/> needs neither).
/// </summary>
internal sealed class MigrationsDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection) =>
        serviceCollection.AddSingleton<IMigrationsCodeGenerator, ContextFreeMigrationsGenerator>();
}

internal sealed class ContextFreeMigrationsGenerator(MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
        WithoutContext(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel), contextType);

    public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
        WithoutContext(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model), contextType);

    private static string WithoutContext(string code, Type contextType)
    {
        string[] dropped = [$"using {contextType.Namespace};", $"[DbContext(typeof({contextType.Name}))]"];
        return string.Join('\n', code.Split('\n').Where(line => !dropped.Contains(line.Trim())));
    }
}
