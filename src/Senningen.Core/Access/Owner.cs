namespace Senningen.Core.Access;

/// <summary>
/// Whom an object belongs to: the unit that started or drafted it, and the zone it happens in (an operation's home
/// zone, the zone a partner's pursuit entered, a camera's zone). An object made by the node itself from a partner's
/// message has no unit; a null zone is one no control room answers for. Either way only a wider reach sees it.
/// </summary>
public sealed record Owner(string? Unit, string? Zone)
{
    public static Owner Of(string? unit, string? zone) =>
        new(string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), string.IsNullOrWhiteSpace(zone) ? null : zone.Trim());
}

/// <summary>The user as need to know sees them: their unit, the zones their control room answers for, and their roles.</summary>
public sealed record Holder(string Unit, IReadOnlySet<string> Zones, IReadOnlySet<string> Roles)
{
    /// <summary>Zones as kept on the user: comma-separated zone ids.</summary>
    public static IReadOnlySet<string> ParseZones(string? zones) =>
        (zones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// What a query must be limited to for one holder, capability and kind: stores turn it into a WHERE clause (lists), and
/// <see cref="Covers"/> decides for a single object. <see cref="Unit"/> and <see cref="Zones"/> are empty unless the reach uses them.
/// </summary>
public sealed record AccessScope(Reach Reach, string Unit, IReadOnlySet<string> Zones)
{
    public static AccessScope Nothing { get; } = new(Reach.None, "", new HashSet<string>());

    public bool IsEverything => Reach == Reach.Country;

    public bool IsNothing => Reach == Reach.None;

    public bool Covers(Owner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Reach switch
        {
            Reach.Country => true,
            Reach.Zones => IsOwnUnit(owner) || (owner.Zone is { } zone && Zones.Contains(zone)),
            Reach.OwnUnit => IsOwnUnit(owner),
            _ => false,
        };
    }

    private bool IsOwnUnit(Owner owner) => owner.Unit is { } unit && Unit.Length > 0 && string.Equals(unit, Unit, StringComparison.OrdinalIgnoreCase);
}
