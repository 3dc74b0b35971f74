using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Registry.Data;

/// <summary>An identity document: found by its normalised number or by holder.</summary>
public sealed class StoredDocument
{
    public long Id { get; set; }

    public DocumentType Type { get; set; }

    public string Number { get; set; } = "";

    public CountryCode IssuingCountry { get; set; }

    public long HolderId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    public DocumentStatus Status { get; set; }
}
