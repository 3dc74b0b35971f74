namespace Senningen.Node.Components.Map;

/// <summary>One notification in the <see cref="AlertBanner"/>: what happened, a few lines of detail, and when.</summary>
public sealed record AlertBannerItem(Guid Id, string Title, IReadOnlyList<string> Details, DateTimeOffset At);
