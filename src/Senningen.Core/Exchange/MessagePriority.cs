namespace Senningen.Core.Exchange;

/// <summary>Urgent messages overtake routine ones at the sender's dispatcher and the receiver's inbox; never within a conversation.</summary>
public enum MessagePriority
{
    Routine = 0,
    Urgent = 1,
}

public static class MessagePriorities
{
    /// <summary>Only urgent travels: an envelope without a priority is routine, so unmarked envelopes sign as before.</summary>
    public const string UrgentName = "urgent";

    public static string? WireName(MessagePriority priority) => priority == MessagePriority.Urgent ? UrgentName : null;

    public static MessagePriority? FromWire(string? name) => name switch
    {
        null => MessagePriority.Routine,
        UrgentName => MessagePriority.Urgent,
        _ => null,
    };
}
