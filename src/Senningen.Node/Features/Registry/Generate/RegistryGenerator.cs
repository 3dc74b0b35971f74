using System.Diagnostics;
using System.Globalization;
using Senningen.Contracts.Registry;
using Senningen.Core.Consultation.Registry.Synthetic;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Registry.Generate;

/// <summary>
/// Fills the reference registry with a synthetic one for this node's country and audits it: the rows look like
/// personal data, so who replaced the registry, when, and with what is on record. One load at a time per node.
/// </summary>
internal sealed partial class RegistryGenerator(SenningenDbContext db, RegistryWriter writer, AuditLog audit, NodeSettings settings,
    RegistryLoadLock loadLock, ILogger<RegistryGenerator> logger)
{
    /// <param name="actor">Who replaces it: the current officer unless the node itself does (the demo's seeding).</param>
    /// <returns>The report, or null when another load is running (in this process, or on another instance of the node).</returns>
    public async Task<GenerateRegistryReport?> ReplaceAsync(int persons, ulong seed, CancellationToken ct, Actor? actor = null)
    {
        if (!await loadLock.Gate.WaitAsync(0, ct))
        {
            return null;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            RegistryCounts? counts;
            try
            {
                counts = await writer.ReplaceAsync(new SyntheticRegistry(settings.Country, seed).Generate(persons), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || ct.IsCancellationRequested)
            {
                // Part of the registry may have been replaced already: that too belongs in the audit log.
                audit.Add(new AuditRecord(AuditActions.RegistryGenerated, AuditOutcomes.Failed,
                    Detail: string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {persons} persons requested: {e.GetType().Name}")), actor);
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }

            if (counts is null)
            {
                return null;
            }

            var seconds = Math.Round(watch.Elapsed.TotalSeconds, 2);
            audit.Add(new AuditRecord(AuditActions.RegistryGenerated, AuditOutcomes.Success, [$"registry:{settings.Country.Value}"],
                Detail: string.Create(CultureInfo.InvariantCulture,
                    $"synthetic registry, seed {seed}: {counts.Persons} persons, {counts.Vehicles} vehicles, {counts.Documents} documents, {counts.Records} records in {seconds} s")),
                actor);
            await db.SaveChangesAsync(ct);
            LogGenerated(logger, counts.Persons, seconds);
            return new GenerateRegistryReport(settings.Country.Value, (long)seed, counts.Persons, counts.Vehicles, counts.Documents, counts.Records, seconds);
        }
        finally
        {
            loadLock.Gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference registry replaced by a synthetic one: {Persons} persons in {Seconds} s")]
    private static partial void LogGenerated(ILogger logger, long persons, double seconds);
}

/// <summary>Held while the reference registry is being replaced, so that two loads never interleave their rows.</summary>
internal sealed class RegistryLoadLock : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();
}
