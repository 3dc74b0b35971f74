using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Node;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Observability;

namespace Senningen.Node.Features.NodeInfo;

internal static class NodeInfoModule
{
    public static WebApplication MapNodeInfo(this WebApplication app)
    {
        app.MapGet("/api/v1/node", Get).WithTags("Node").WithSummary("This node's country, name, version and partners.");
        return app;
    }

    public static Ok<Contracts.Node.NodeInfo> Get(NodeSettings settings) => TypedResults.Ok(new Contracts.Node.NodeInfo(
        settings.Country.Value, settings.Name, NodeVersion.Current, settings.DemoMode,
        [.. settings.Partners.Select(p => new PartnerInfo(p.Country.Value, p.BaseUrl.ToString()))]));
}
