using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Access;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Drafting;

/// <summary>
/// A file for a draft (it travels with the submission): 400 for a type not allowed, a size over the limit or content
/// that is not base64; 409 once the request left the draft state.
/// </summary>
internal sealed class DraftAttachments(SenningenDbContext db, RequestAccess access, AuditLog audit, RequestsSettings settings, Texts texts,
    TimeProvider clock)
{
    /// <summary>Another unit's draft is not found whatever the body says (one audited denial); the body is checked after.</summary>
    public async Task<RequestOutcome<AttachmentView>> AddAsync(Guid id, AttachmentInput? input, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CheckAsync(request, AccessKind.Change, ct))
        {
            return RequestOutcome<AttachmentView>.NotFound();
        }

        if (input is null)
        {
            return RequestOutcome<AttachmentView>.Invalid([new FieldError("body", Rules.Required, texts["rule.body-required"])]);
        }

        var v = new RequestValidator(texts);
        v.Required("fileName", input.FileName);
        v.MaxLength("fileName", input.FileName, 200);
        if (v.Required("contentType", input.ContentType))
        {
            v.OneOf("contentType", input.ContentType, settings.AttachmentTypes);
        }

        var content = Decode(input.ContentBase64, settings.MaxAttachmentBytes, v);
        if (v.HasErrors)
        {
            return RequestOutcome<AttachmentView>.Invalid(v.Errors);
        }

        if (request.State != RequestState.Draft)
        {
            return RequestOutcome<AttachmentView>.Refused(StatusCodes.Status409Conflict,
                new FieldError("state", "draft-only", texts["request.rule.draft-only", "state", RequestNames.Of(request.State)]));
        }

        if (await db.RequestAttachments.CountAsync(a => a.RequestId == id, ct) >= settings.MaxAttachments)
        {
            return RequestOutcome<AttachmentView>.Invalid(
                [new FieldError("attachments", "max-count", texts["request.rule.max-attachments", "attachments", settings.MaxAttachments])]);
        }

        var attachment = new RequestAttachment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), RequestId = id, FileName = input.FileName!.Trim(), ContentType = input.ContentType!,
            Size = content!.Length, Content = content,
        };
        db.RequestAttachments.Add(attachment);
        audit.Add(new AuditRecord(AuditActions.RequestStep, AuditOutcomes.Success, [$"request:{id}"], CaseReference: request.CaseReference,
            Detail: $"{request.Reference} attachment {attachment.FileName} ({attachment.Size} bytes)"));
        await db.SaveChangesAsync(ct);
        return RequestOutcome<AttachmentView>.Ok(new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size));
    }

    private static byte[]? Decode(string? base64, long maxBytes, RequestValidator v)
    {
        if (!v.Required("contentBase64", base64))
        {
            return null;
        }

        // Checked before decoding: the decoded size is three quarters of the text.
        if (base64!.Length / 4 * 3 > maxBytes + 2)
        {
            v.Add("contentBase64", "max-size", "rule.max-size", maxBytes);
            return null;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            v.Add("contentBase64", Rules.Format, "request.rule.base64");
            return null;
        }

        if (written > maxBytes)
        {
            v.Add("contentBase64", "max-size", "rule.max-size", maxBytes);
            return null;
        }

        return buffer[..written];
    }
}

/// <summary><c>POST /api/v1/requests/{id}/attachments</c>: a thin adapter over <see cref="DraftAttachments"/>.</summary>
internal static class AddAttachment
{
    public static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> HandleAsync(Guid id, AttachmentInput? input, DraftAttachments attachments,
        Texts texts, CancellationToken ct)
    {
        var outcome = await attachments.AddAsync(id, input, ct);
        return outcome.Value is { } attachment
            ? TypedResults.Created($"/api/v1/requests/{id}", attachment)
            : RequestProblems.For(texts, outcome);
    }
}
