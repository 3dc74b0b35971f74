using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Observability;

internal static class TelemetryModule
{
    public const string MeterName = "Senningen.Node";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var settings = builder.NodeSettings;
        if (!settings.DemoMode)
        {
            // Structured JSON lines for log shippers; scopes carry the correlation id.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService($"senningen-node-{settings.Country.Value.ToLowerInvariant()}",
                serviceVersion: NodeVersion.Current))
            .WithTracing(t => t.AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(MeterName));
        if (settings.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return builder;
    }
}
