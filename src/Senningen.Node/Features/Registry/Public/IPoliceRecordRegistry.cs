using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Public;

/// <summary>A country's police records and alerts (the national part of SIS, the police's own databases).</summary>
public interface IPoliceRecordRegistry
{
    /// <summary>Every record on the subject, newest first.</summary>
    Task<IReadOnlyList<PoliceRecord>> ForSubjectAsync(RecordSubject subject, long subjectId, CancellationToken ct);
}
