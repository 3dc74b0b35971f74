using Senningen.Core.Countries;

namespace Senningen.Core.Anpr;

/// <summary>
/// One listed plate. The entry is valid from <see cref="ValidFrom"/> (inclusive) to <see cref="ValidTo"/> (exclusive);
/// use <see cref="DateTimeOffset.MaxValue"/> for no end. <see cref="Id"/> is unique within a hotlist: an update
/// with the same id replaces the entry.
/// </summary>
public sealed record HotlistEntry
{
    public HotlistEntry(string id, Plate plate, HotlistCategory category, HotlistAction action, DateTimeOffset validFrom, DateTimeOffset validTo, CountryCode owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!plate.IsValid || !owner.IsValid || !Enum.IsDefined(category) || !Enum.IsDefined(action))
        {
            throw new ArgumentException($"Hotlist entry {id}: plate, owner, category and action must be valid.", nameof(plate));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validTo, validFrom);
        (Id, Plate, Category, Action, ValidFrom, ValidTo, Owner) = (id, plate, category, action, validFrom, validTo, owner);
    }

    public string Id { get; }

    public Plate Plate { get; }

    public HotlistCategory Category { get; }

    public HotlistAction Action { get; }

    public DateTimeOffset ValidFrom { get; }

    public DateTimeOffset ValidTo { get; }

    /// <summary>The country whose list the entry comes from.</summary>
    public CountryCode Owner { get; }

    public bool IsValidAt(DateTimeOffset at) => at >= ValidFrom && at < ValidTo;
}
