using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Consultation.Data;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Tests.Retention;

/// <summary>One record of each kind, its period starting at a given moment; deterministic apart from the ids the caller passes.</summary>
internal static class RetentionSeeds
{
    public const string Marker = "ZZRET";

    public static Hit Hit(Guid id, DateTimeOffset at) => new()
    {
        Id = id, Plate = "1ABC123", CanonicalKey = "1ABC123", ObservedAt = at, ReceivedAt = at, CameraId = "cam", CameraName = "cam",
        EntryId = id.ToString(), EntryPlate = "1ABC123", Owner = CountryCode.Belgium, Score = 1,
    };

    public static ConsultationSearch Search(Guid id, DateTimeOffset at, string caseReference = Marker) => new()
    {
        Id = id, Context = ConsultationContext.HitNoHit, DataSet = DataSet.Persons, Criteria = """{"surname":"Peeters"}""", Purpose = "test",
        CaseReference = caseReference, RequestedBy = "officer", OwnerUnit = "unit", Partners = [CountryCode.Netherlands], StartedAt = at, Deadline = at.AddMinutes(1),
    };

    public static ConsultationAnswerRow Answer(Guid searchId, DateTimeOffset at) => new()
    {
        SearchId = searchId, Country = CountryCode.Netherlands, Level = "hit", Hit = true, Items = """[{"surname":"Peeters"}]""", ReceivedAt = at,
    };

    public static Operation Operation(Guid id, DateTimeOffset endedAt) => new()
    {
        Id = id, Type = "hot-pursuit", Status = OperationStatus.Ended, HomeCountry = CountryCode.Belgium, HomeZone = "BE-5000", Vehicles = "1ABC123",
        Suspect = "Peeters, tall", Reason = "robbery", CaseReference = Marker, EndNote = "caught", Report = "{}", StartedAt = endedAt.AddHours(-1),
        StartedBy = "officer", OwnerUnit = "unit", EndedAt = endedAt, Outcome = "arrested",
    };

    public static UnitFix UnitFix(Guid operationId, DateTimeOffset at) => new()
    {
        OperationId = operationId, Unit = "ALPHA-1", Time = at, Lat = 51.3, Lon = 4.9, ReceivedAt = at,
    };

    public static Alert Alert(Guid id, DateTimeOffset closedAt) => new()
    {
        Id = id, OperationId = id, FromCountry = CountryCode.Netherlands, ConversationId = Guid.NewGuid(), OperationType = "hot-pursuit", Zone = "BE-5000",
        HomeZone = "NL-LIM", Units = "NL-7", Vehicles = "XR528D", Suspect = "De Vries", Reason = "robbery", CaseReference = Marker, Lat = 51, Lon = 5,
        CrossedLat = 51, CrossedLon = 5, CrossedAt = closedAt.AddHours(-1), ReceivedAt = closedAt.AddHours(-1), Status = AlertStatus.Closed, ClosedAt = closedAt,
        Report = "{}",
    };

    public static AlertFix AlertFix(Guid operationId, DateTimeOffset at) => new() { OperationId = operationId, Unit = "NL-7", Time = at, Lat = 51, Lon = 5 };

    public static CooperationRequest Request(Guid id, DateTimeOffset closedAt) => new()
    {
        Id = id, Reference = $"BE-{id:N}"[..20], Type = "investigative-action", Side = RequestSide.Requesting, RequestingCountry = CountryCode.Belgium,
        RequestedCountry = CountryCode.Netherlands, State = RequestState.Done, Urgency = Urgency.Normal, CaseReference = Marker, Recipient = "nl-lirc-desk",
        Fields = """{"subject":"Peeters"}""", CreatedBy = "officer", OwnerUnit = "unit", CreatedAt = closedAt.AddDays(-10), DelayReason = "busy",
        ConversationId = Guid.NewGuid(), UpdatedAt = closedAt,
    };

    public static RequestEvent RequestEvent(Guid requestId, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), RequestId = requestId, At = at, Action = "complete", ToState = "done", Actor = "officer", Country = "BE", Reason = "Peeters found",
    };

    public static RequestAttachment Attachment(Guid requestId) => new()
    {
        Id = Guid.NewGuid(), RequestId = requestId, FileName = "photo.jpg", ContentType = "image/jpeg", Size = 3, Content = [1, 2, 3],
    };

    public static InboxMessage Received(Guid id, DateTimeOffset handledAt) => new()
    {
        Id = id, Sender = CountryCode.Netherlands, ConversationId = Guid.NewGuid(), Sequence = 1, Type = "test", Version = 1, CreatedAt = handledAt,
        ExpiresAt = handledAt.AddDays(1), CaseReference = Marker, Payload = """{"surname":"Peeters"}""", KeyId = "k", Signature = "s", EnvelopeHash = "h",
        ReceivedAt = handledAt, Receipt = "{}", Status = InboxStatus.Handled, NextHandleAt = handledAt, HandledAt = handledAt,
    };

    public static OutboxMessage Sent(Guid id, DateTimeOffset completedAt, string caseReference = Marker) => new()
    {
        Id = id, ConversationId = Guid.NewGuid(), Sequence = 1, Type = "test", Version = 1, Recipient = CountryCode.Netherlands, CreatedAt = completedAt,
        ExpiresAt = completedAt.AddDays(1), CaseReference = caseReference, Payload = """{"surname":"Peeters"}""", KeyId = "k", Signature = "s",
        Status = OutboxStatus.Receipted, NextAttemptAt = completedAt, CompletedAt = completedAt, Receipt = "{}",
    };

    public static IdempotentRequest Idempotent(string key, DateTimeOffset at) => new()
    {
        Key = key, UserName = "officer", Request = "POST /api/v1/x", Status = 201, Body = """{"surname":"Peeters"}""", CreatedAtMs = at.ToUnixTimeMilliseconds(),
    };
}
