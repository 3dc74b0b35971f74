namespace Senningen.Core.Exchange;

/// <summary>
/// What a sender puts on a message of a type unless the one who sends it says otherwise. <c>Handling</c> is null for a
/// type that carries no information about people or cases (pings, key sets, tree heads).
/// </summary>
public sealed record MessageDefault(string Type, HandlingMarking? Handling, MessagePriority Priority);

/// <summary>
/// The marking and priority of each message type, as reviewed data: a change here is a change of what the node tells
/// its partners they may do, so it goes through review like the treaty catalogue. Urgent are the messages an officer in
/// the street waits for (a pursuit crossing the border, its positions, its end, the partner's acknowledgement); a
/// request's urgency decides its own messages' priority (<see cref="ForUrgency"/>).
/// </summary>
public static class MessageDefaults
{
    private static readonly HandlingMarking Operational = HandlingMarking.From(HandlingCode.H0, SourceReliability.A, InformationAccuracy.Known);
    private static readonly HandlingMarking Register = HandlingMarking.From(HandlingCode.H2, SourceReliability.A, InformationAccuracy.Known);
    private static readonly HandlingMarking CameraRead = HandlingMarking.From(HandlingCode.H1, SourceReliability.A, InformationAccuracy.KnownToSource);
    private static readonly HandlingMarking Request = HandlingMarking.From(HandlingCode.H1, SourceReliability.A, InformationAccuracy.KnownToSource);

    private static readonly Dictionary<string, MessageDefault> ByType = new MessageDefault[]
    {
        new("exchange.ping", null, MessagePriority.Routine),
        new("exchange.keyset", null, MessagePriority.Routine),
        new("exchange.dropped", null, MessagePriority.Routine),
        new("exchange.resync-request", null, MessagePriority.Routine),
        new("exchange.resync-answer", null, MessagePriority.Routine),
        new("audit.tree-head", null, MessagePriority.Routine),
        new("audit.tree-head-confirmation", null, MessagePriority.Routine),
        new("operations.crossing", Operational, MessagePriority.Urgent),
        new("operations.positions", Operational, MessagePriority.Urgent),
        new("operations.left", Operational, MessagePriority.Urgent),
        new("operations.ended", Operational, MessagePriority.Urgent),
        new("operations.acknowledged", Operational, MessagePriority.Urgent),
        new("operations.escalated", Operational, MessagePriority.Urgent),
        new("anpr.hit", CameraRead, MessagePriority.Routine),
        new("consultation.query", Register, MessagePriority.Routine),
        new("consultation.answer", Register, MessagePriority.Routine),
        new("request.submitted", Request, MessagePriority.Routine),
        new("request.transition", Request, MessagePriority.Routine),
    }.ToDictionary(d => d.Type, StringComparer.Ordinal);

    public static IReadOnlyCollection<MessageDefault> All => ByType.Values;

    /// <summary>Null for a type the table does not list (a test's or a bench's own type): unmarked and routine.</summary>
    public static MessageDefault? Find(string type) => ByType.GetValueOrDefault(type);

    /// <summary>True when a received message of this type must carry a marking.</summary>
    public static bool CarriesInformation(string type) => Find(type)?.Handling is not null;

    /// <summary>Urgent and crisis requests travel urgent; normal ones as routine.</summary>
    public static MessagePriority ForUrgency(Requests.Urgency urgency) =>
        urgency == Requests.Urgency.Normal ? MessagePriority.Routine : MessagePriority.Urgent;
}
