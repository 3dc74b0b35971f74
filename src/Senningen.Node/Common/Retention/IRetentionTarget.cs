using Senningen.Core.Retention;

namespace Senningen.Node.Common.Retention;

/// <summary>
/// The records of one kind (<see cref="RetentionKinds"/>) as a capability keeps them: the capability owns the tables
/// and knows what "due" and "anonymised" mean for them; the retention worker only says when and how much.
/// What a target declares (counted from, action, fields) must match the retention table, or the node does not start.
/// </summary>
public interface IRetentionTarget
{
    string Kind { get; }

    /// <summary>Every table the kind's records live in (the test that no table with personal data is forgotten reads these).</summary>
    IReadOnlyList<string> Tables { get; }

    CountedFrom CountedFrom { get; }

    RetentionAction Action { get; }

    /// <summary>The fields emptied when <see cref="Action"/> is anonymise, as the table names them.</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>True for a target that purges all that is due in one call and audits it itself (camera reads, ADR 0012).</summary>
    bool AuditsItself => false;

    /// <summary>
    /// Deletes or anonymises at most <see cref="RetentionChunk.Limit"/> records whose period started before the chunk's
    /// cutoff and that no hold keeps; returns how many. A record already anonymised is not counted again.
    /// </summary>
    Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct);

    /// <summary>How many records still hold personal data under this kind, and when the oldest one's period started.</summary>
    Task<RetentionSurvey> SurveyAsync(CancellationToken ct);
}

/// <summary>What the DPO's overview shows of one kind; <see cref="Oldest"/> is null when there is none.</summary>
public sealed record RetentionSurvey(long Count, DateTimeOffset? Oldest)
{
    /// <summary>From a count and the first value of an ordered query, which is the default when there is nothing.</summary>
    public static RetentionSurvey Of(long count, DateTimeOffset first) => new(count, count == 0 ? null : first);
}

/// <summary>One bounded step of a purge.</summary>
public sealed record RetentionChunk(DateTimeOffset Cutoff, int Limit, RetentionHoldSet Holds);

/// <summary>Records a hold keeps past their time: named by id or by the case they belong to.</summary>
public sealed record RetentionHoldSet(IReadOnlyCollection<Guid> RecordIds, IReadOnlyCollection<string> CaseReferences)
{
    public static RetentionHoldSet None { get; } = new([], []);
}

public static class RetentionTargets
{
    /// <summary>Registers a capability's records with the node's retention worker.</summary>
    public static IServiceCollection AddRetentionTarget<T>(this IServiceCollection services) where T : class, IRetentionTarget =>
        services.AddScoped<IRetentionTarget, T>();
}
