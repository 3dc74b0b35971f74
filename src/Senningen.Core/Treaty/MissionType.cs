namespace Senningen.Core.Treaty;

/// <summary>A kind of cross-border mission the catalogue rules on, e.g. <c>hot-pursuit</c>.</summary>
/// <param name="Id">Stable kebab-case id, equal to the data file's name.</param>
/// <param name="Name">Short name for menus and headings.</param>
/// <param name="Summary">One paragraph an officer reads before acting.</param>
public sealed record MissionType(string Id, LocalizedText Name, LocalizedText Summary);
