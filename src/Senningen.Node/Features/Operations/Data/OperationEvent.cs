namespace Senningen.Node.Features.Operations.Data;

/// <summary>
/// One line of the timeline. The text is not stored: <see cref="Kind"/> and its arguments are rendered in the
/// reader's language, so the Dutch and French control rooms read the same history in their own words.
/// </summary>
public sealed class OperationEvent
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>Text arguments of the kind's message, separated by a unit separator (U+001F).</summary>
    public string Arguments { get; set; } = "";
}
