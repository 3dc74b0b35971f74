using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation.Answering;

namespace Senningen.Node.Features.Consultation.Messages;

/// <summary>
/// Answering side of <c>consultation.query</c>: the answerer decides and audits, and the answer goes back in the same
/// conversation, in the same unit of work as the audit entry, living only as long as the query did. Queries above the
/// partner's quota are refused on receipt (<see cref="QueryQuota"/>).
/// </summary>
internal sealed class QueryHandler(ConsultationAnswerer answerer, QueryQuota quota, Outbox outbox, TimeProvider clock)
    : IMessageHandler<QueryPayload>, IMessageAdmission<QueryPayload>
{
    /// <summary>Above the partner's quota for the context, refused on receipt: the sender gets a signed rejection naming it.</summary>
    public ValueTask<string?> RefusalAsync(Core.Countries.CountryCode sender, QueryPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        quota.RefusalAsync(sender, payload, db, cancellationToken);

    public async Task HandleAsync(InboxMessage message, QueryPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var requesting = message.Sender;
        var query = new ConsultationQuery(p.SearchId, ConsultationContexts.Names[p.Context], requesting, Disclosure.DataSetNames[p.DataSet],
            p.Person is { } person ? Particulars(person) : null, p.Plate, p.DocumentNumber, p.Purpose, p.CaseReference, p.RequestedBy,
            Core.Consultation.Registry.Vin.Normalise(p.Vin));
        var answer = await answerer.AnswerAsync(query, cancellationToken);
        var left = message.ExpiresAt - clock.GetUtcNow();
        await outbox.EnqueueAsync(requesting, AnswerPayload.Type, 1, new AnswerPayload(p.SearchId, Disclosure.NameOf(answer.Level), answer.Rule,
            answer.Refusal, answer.Hit, answer.TooBroad, [.. answer.Items.Select(i => new AnswerItem(i.Reference, i.Score, i.Fields, i.Explanation))])
            { Count = answer.Count, ToAdd = answer.ToAdd.Count > 0 ? answer.ToAdd : null },
            message.ConversationId, p.CaseReference, left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken: cancellationToken);
    }

    internal static PersonParticulars Particulars(PersonCriteria c) => new()
    {
        Surname = c.Surname,
        GivenNames = c.GivenNames,
        BirthDate = c.BirthDate is { } text && BirthDate.TryParse(text, out var date) ? date : default,
        Postcode = c.Postcode,
    };
}
