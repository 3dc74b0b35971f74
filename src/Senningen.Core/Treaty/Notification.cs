namespace Senningen.Core.Treaty;

/// <summary>When the host country must be told, in a form a workflow engine can time.</summary>
public enum DeadlineKind
{
    /// <summary>No notification duty.</summary>
    None,

    /// <summary>As soon as the action starts, without waiting.</summary>
    Immediately,

    /// <summary>At the latest when the officers cross the border.</summary>
    BeforeCrossing,

    /// <summary>The host must have agreed (or been asked) before the action starts.</summary>
    BeforeAction,

    /// <summary>Within <see cref="NotificationDeadline.Hours"/> hours of the start.</summary>
    WithinHours,
}

/// <summary>A machine-readable deadline; <see cref="Hours"/> is set only for <see cref="DeadlineKind.WithinHours"/>.</summary>
public readonly record struct NotificationDeadline(DeadlineKind Kind, int? Hours)
{
    /// <summary>The data-file spelling: <c>none</c>, <c>immediately</c>, <c>before-crossing</c>, <c>before-action</c>, <c>within-hours: N</c>.</summary>
    public override string ToString() => Kind switch
    {
        DeadlineKind.None => "none",
        DeadlineKind.Immediately => "immediately",
        DeadlineKind.BeforeCrossing => "before-crossing",
        DeadlineKind.BeforeAction => "before-action",
        _ => $"within-hours: {Hours}",
    };
}

/// <summary>Whom the visiting officers (or their control room) notify, and when.</summary>
public sealed record Notification(LocalizedText Whom, LocalizedText When, NotificationDeadline Deadline);
