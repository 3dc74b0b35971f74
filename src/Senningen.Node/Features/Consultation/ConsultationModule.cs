using Senningen.Node.Features.Consultation.Answering;

namespace Senningen.Node.Features.Consultation;

/// <summary>
/// Consultation of partner police databases (issue 6, ADR 0013). So far the answering side: what this node discloses
/// to a partner's search, decided here from the treaty catalogue, looked up in this country's registers and audited.
/// </summary>
internal static class ConsultationModule
{
    public static IServiceCollection AddConsultationFeature(this IServiceCollection services) =>
        services.AddSingleton<RegistryPersonIndex>().AddScoped<ConsultationAnswerer>();
}
