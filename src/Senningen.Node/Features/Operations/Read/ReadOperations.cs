using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Features.Operations.Read;

/// <summary>
/// Reading this node's own operations, for the API and the console. An operation describes a suspect, so a read of
/// one is audited as the current officer's.
/// </summary>
internal sealed class ReadOperations(OperationReader reader, AuditLog audit, CurrentOfficer officer, Texts texts)
{
    /// <summary>The list as the API asks for it: <c>active=true|false</c>, <c>take</c> 1 to 500 (50 when absent).</summary>
    public async Task<Outcome<OperationList>> ListAsync(string? active, string? take, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        validator.OneOf("active", active, ["true", "false"]);
        var count = validator.WholeNumber("take", take, 50, 1, 500);
        if (validator.HasErrors)
        {
            return Failure.Invalid(validator.Errors);
        }

        return new OperationList(await ListAsync(active == "true", count, ct));
    }

    /// <summary>Newest first, in the reader's language; a list names no suspect, so it is not audited.</summary>
    public Task<IReadOnlyList<OperationView>> ListAsync(bool activeOnly, int take, CancellationToken ct) =>
        reader.ListAsync(activeOnly, take, Texts.CurrentLanguage, ct);

    /// <param name="audited">False when this reader's view of it is already audited (a live page reloading).</param>
    public async Task<Outcome<OperationView>> GetAsync(Guid id, bool audited, CancellationToken ct)
    {
        var view = await reader.GetAsync(id, Texts.CurrentLanguage, ct);
        if (view is null)
        {
            return Failure.NotFound(texts, texts["ops.operation"]);
        }

        if (audited)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.OperationRead, AuditOutcomes.Success, [$"operation:{id}"],
                CaseReference: view.CaseReference), officer.Actor, ct);
        }

        return view;
    }

    /// <summary>Each unit's latest fixes for the live map (no suspect in them: not audited).</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PositionView>>> TracksAsync(Guid id, int perUnit, CancellationToken ct) =>
        reader.TracksAsync(id, perUnit, ct);
}
