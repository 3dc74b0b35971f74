using Senningen.Core.Countries;
using Senningen.Core.Operations;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>
/// A pursuit, observation, escort or transport run by this node's control room. Times are kept as Unix milliseconds,
/// as in the exchange tables, so that ordering is the same on SQLite and PostgreSQL.
/// </summary>
public sealed class Operation
{
    public Guid Id { get; set; }

    /// <summary>The treaty mission id, e.g. <c>hot-pursuit</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Set only by <see cref="Lifecycle.OperationSteps"/>, as <see cref="OperationWorkflow"/> decides.</summary>
    public OperationStatus Status { get; set; }

    public CountryCode HomeCountry { get; set; }

    public string HomeZone { get; set; } = "";

    public string? CaseReference { get; set; }

    /// <summary>Plates or descriptions of the suspect's vehicles, one per line.</summary>
    public string Vehicles { get; set; } = "";

    public string? Suspect { get; set; }

    public string? Reason { get; set; }

    public string? AuthorisationReference { get; set; }

    public DateTimeOffset? AuthorisationDeadline { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public string StartedBy { get; set; } = "";

    /// <summary>The unit of the officer who started it: need to know gives it to that unit (and to the home zone's control room).</summary>
    public string OwnerUnit { get; set; } = "";

    public string StartedByLanguage { get; set; } = "en";

    public DateTimeOffset? EndedAt { get; set; }

    public string? Outcome { get; set; }

    public string? EndNote { get; set; }

    /// <summary>The after-action report as generated at the end, in the officer's language (JSON of the contract).</summary>
    public string? Report { get; set; }

    public List<OperationUnit> Units { get; set; } = [];
}
