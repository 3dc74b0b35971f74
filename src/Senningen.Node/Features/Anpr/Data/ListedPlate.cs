using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Anpr.Data;

/// <summary>
/// One hotlist entry as stored: the plate as listed and its normalised text, canonical key and format, why it is
/// listed, what the officer is to do, its validity (no end is null) and the country whose list it is.
/// One entry per owner, plate and category: an import updates it.
/// </summary>
public sealed class ListedPlate
{
    public Guid Id { get; set; }

    public string ListedAs { get; set; } = "";

    public string PlateText { get; set; } = "";

    public string CanonicalKey { get; set; } = "";

    public string Format { get; set; } = "";

    public HotlistCategory Category { get; set; }

    public HotlistAction Action { get; set; }

    public DateTimeOffset ValidFrom { get; set; } = DateTimeOffset.UnixEpoch;

    public DateTimeOffset? ValidTo { get; set; }

    public CountryCode Owner { get; set; }

    /// <summary>For the BE–NL shared reference list: the individual assessment that justified sharing the entry.</summary>
    public string? Assessment { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UnixEpoch;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UnixEpoch;

    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// One row counting hotlist changes: every change bumps it in its own transaction, so an instance sharing the
/// database sees with one cheap read that its snapshot is stale.
/// </summary>
public sealed class HotlistVersion
{
    public int Id { get; set; }

    public long Version { get; set; }
}
