namespace Senningen.Contracts.Node;

/// <summary>What a node says about itself (<c>GET /api/v1/node</c>).</summary>
public sealed record NodeInfo(string Country, string Name, string Version, bool DemoMode, IReadOnlyList<PartnerInfo> Partners);

/// <summary>A configured partner node.</summary>
public sealed record PartnerInfo(string Country, string BaseUrl);
