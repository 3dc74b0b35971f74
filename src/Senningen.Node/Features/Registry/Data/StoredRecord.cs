using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Data;

/// <summary>A police record or alert on a person, vehicle or document of the registry: found by its subject.</summary>
public sealed class StoredRecord
{
    public long Id { get; set; }

    public RecordSubject Subject { get; set; }

    public long SubjectId { get; set; }

    public RecordKind Kind { get; set; }

    public string Summary { get; set; } = "";

    public HandlingCode Handling { get; set; }

    public DateOnly RecordedOn { get; set; }
}
