using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Consultation.Data;

namespace Senningen.Node.Features.Consultation.Messages;

/// <summary>
/// Asking side of <c>consultation.answer</c>: a partner's answer is kept with its search and audited with the records
/// it brought in. An answer to a search this node did not send, or from a partner it did not ask, is refused (audited,
/// nothing stored); a second answer from the same partner is ignored.
/// </summary>
internal sealed class AnswerHandler(AuditLog audit, NodeSettings settings, ChangeFeed<AnswerStored> feed, TimeProvider clock) : IMessageHandler<AnswerPayload>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(InboxMessage message, AnswerPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var node = Actor.Node(settings);
        var search = await db.ConsultationSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == p.SearchId, cancellationToken);
        if (search is null || !search.Partners.Contains(message.Sender))
        {
            audit.Add(new AuditRecord(AuditActions.ConsultationAnswerReceived, AuditOutcomes.Denied, [$"message:{message.Id}"],
                Detail: $"answer from {message.Sender} to search {p.SearchId}, which this node did not send to it"), node);
            return;
        }

        if (await db.ConsultationAnswers.AnyAsync(a => a.SearchId == p.SearchId && a.Country == message.Sender, cancellationToken))
        {
            return;
        }

        db.ConsultationAnswers.Add(new ConsultationAnswerRow
        {
            SearchId = p.SearchId, Country = message.Sender, Level = p.Level, Rule = p.Rule, Refusal = p.Refusal, Hit = p.Hit, TooBroad = p.TooBroad,
            Count = p.Count, ToAdd = p.ToAdd is { Count: > 0 } add ? string.Join(',', add) : null,
            Items = JsonSerializer.Serialize(p.Items, Json), ReceivedAt = UnixMillisecondsConverter.Truncate(clock.GetUtcNow()),
        });
        audit.Add(new AuditRecord(AuditActions.ConsultationAnswerReceived, AuditOutcomes.Success,
            [$"consultation:{p.SearchId}", .. p.Items.Select(i => $"{message.Sender}:{i.Reference}")], search.Purpose, search.CaseReference,
            Detail: $"{message.Sender} answered {ConsultationContexts.NameOf(search.Context)} {Disclosure.NameOf(search.DataSet)} for {search.RequestedBy}: level {p.Level} under {p.Rule ?? p.Refusal}, " +
                $"{(p.TooBroad ? "too broad" : p.Count is { } count ? $"{count} found, count only" : p.Hit ? $"hit, {p.Items.Count} item(s)" : "no hit")}"), node);
        db.AfterCommit(() => feed.Publish(new AnswerStored(p.SearchId)));
    }
}
