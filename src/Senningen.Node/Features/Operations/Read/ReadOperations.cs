using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Security;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Operations.Read;

/// <summary>
/// Reading this node's own operations, for the API and the console, within the reader's need to know: a list holds
/// only the operations their reach covers, and another unit's operation is not found (an audited denial). An
/// operation names vehicles, plates and often a suspect, so every read of one, in a list too, is audited.
/// </summary>
internal sealed class ReadOperations(OperationReader reader, AuditLog audit, CurrentOfficer officer, NeedToKnowGuard guard, Texts texts)
{
    /// <summary>What a call without <c>limit</c> gets, and the most a page holds.</summary>
    public const int ListDefault = 50;
    public const int ListMax = 500;

    /// <summary>
    /// The list as the API asks for it: <c>active=true|false</c> and a page (the row past its limit included, for the
    /// pager). The deprecated <c>take</c> (1 to 500) is still honoured as the first page's size when no limit is given.
    /// </summary>
    public async Task<Outcome<OperationList>> ListAsync(string? active, string? take, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var validator = new RequestValidator(texts);
        validator.OneOf("active", active, ["true", "false"]);
        var count = validator.WholeNumber("take", take, ListDefault, 1, ListMax);
        if (validator.HasErrors)
        {
            return Failure.Invalid(validator.Errors);
        }

        var page = PageRequest.Of(http, ListDefault);
        if (take is not null && !http.Request.Query.ContainsKey(PagedFilter<object>.LimitField))
        {
            page = page with { Limit = count };
            http.Features.Set(page);
        }

        var operations = await reader.ListAsync(guard.Scope(Capability.Operations, AccessKind.Read), active == "true", page, Texts.CurrentLanguage, ct);
        await AuditAsync([.. operations.Take(page.Shown(operations.Count))], seen: null, ct);
        return new OperationList(operations);
    }

    /// <summary>Newest first, in the reader's language, only those the reader may read.</summary>
    /// <param name="seen">
    /// Operations this reader was already shown (and audited for); the new ones are added. Null audits every one
    /// listed; a live page passes its own set, so its reloads audit only what they add.
    /// </param>
    public async Task<IReadOnlyList<OperationView>> ListAsync(bool activeOnly, int take, ISet<Guid>? seen, CancellationToken ct)
    {
        var read = await reader.ListAsync(guard.Scope(Capability.Operations, AccessKind.Read), activeOnly, PageRequest.First(take), Texts.CurrentLanguage, ct);
        List<OperationView> operations = [.. read.Take(take)];
        await AuditAsync(operations, seen, ct);
        return operations;
    }

    private async Task AuditAsync(List<OperationView> operations, ISet<Guid>? seen, CancellationToken ct)
    {
        var unseen = operations.Where(o => seen?.Add(o.Id) ?? true).Select(o => $"operation:{o.Id}").ToList();
        if (unseen.Count > 0)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.OperationRead, AuditOutcomes.Success, unseen,
                Detail: $"list: {unseen.Count} operation(s) shown"), officer.Actor, ct);
        }
    }

    /// <param name="audited">False when this reader's view of it is already audited (a live page reloading).</param>
    public async Task<Outcome<OperationView>> GetAsync(Guid id, bool audited, CancellationToken ct)
    {
        if (!await MayReadAsync(id, ct))
        {
            return Failure.NotFound(texts, texts["ops.operation"]);
        }

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

    /// <summary>
    /// Each unit's latest fixes for the live map, of an operation the reader may read; empty otherwise. The page asks
    /// for them right after the audited <see cref="GetAsync"/>, so they are neither audited nor denied a second time.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PositionView>>> TracksAsync(Guid id, int perUnit, CancellationToken ct) =>
        await reader.OwnerAsync(id, ct) is { } owner && guard.Allows(Capability.Operations, AccessKind.Read, owner)
            ? await reader.TracksAsync(id, perUnit, ct)
            : new Dictionary<string, IReadOnlyList<PositionView>>();

    /// <summary>Whether the reader may change the operation (end it, post positions): the page offers the end form only then.</summary>
    public async Task<bool> MayChangeAsync(Guid id, CancellationToken ct) =>
        await reader.OwnerAsync(id, ct) is { } owner && guard.Allows(Capability.Operations, AccessKind.Change, owner);

    /// <summary>A missing operation is plainly not found; another unit's is not found too, and the attempt is an audited denial.</summary>
    private async Task<bool> MayReadAsync(Guid id, CancellationToken ct) =>
        await reader.OwnerAsync(id, ct) is { } owner && await guard.CheckAsync(Capability.Operations, AccessKind.Read, owner, $"operation:{id}", ct);
}
