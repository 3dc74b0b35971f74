using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Registry;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Registry.Generate;

/// <summary>
/// <c>POST /api/v1/registry/generate</c> {persons, seed}: replaces the reference registry with a synthetic one for load
/// tests and demos. Synchronous: a million persons take a minute or so, and the caller wants the counts and the time.
/// </summary>
internal static class GenerateRegistry
{
    public const int MaxPersons = 10_000_000;

    public static async Task<Results<Ok<GenerateRegistryReport>, ProblemHttpResult>> HandleAsync(GenerateRegistryRequest? request,
        RegistryGenerator generator, Texts texts, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        if (request is null)
        {
            v.Add("body", Rules.Required, "rule.body-required");
            return v.Problem();
        }

        if (request.Persons is not { } persons)
        {
            v.Add("persons", Rules.Required, "rule.required");
        }
        else if (persons is < 1 or > MaxPersons)
        {
            v.Add("persons", Rules.Range, "rule.range", 1, MaxPersons);
        }

        if (request.Seed is < 0)
        {
            v.Add("seed", Rules.Range, "rule.range", 0, long.MaxValue);
        }

        if (v.HasErrors)
        {
            return v.Problem();
        }

        var report = await generator.ReplaceAsync(request.Persons!.Value, (ulong)(request.Seed ?? 1), ct);
        return report is null
            ? Problems.Conflict(texts, texts["registry.problem.generation-running"])
            : TypedResults.Ok(report);
    }
}
