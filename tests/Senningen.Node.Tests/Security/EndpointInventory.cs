using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Senningen.Node.Tests.Security;

/// <summary>One routable endpoint of a running node, with what its authorisation metadata says.</summary>
public sealed record EndpointCase(string Method, string Pattern, string Path, bool Anonymous, IReadOnlyList<string> RequiredRoles)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Reads every endpoint the node maps, so that no new endpoint escapes the security tests.</summary>
public static class EndpointInventory
{
    public static async Task<IReadOnlyList<EndpointCase>> ReadAsync(IServiceProvider services)
    {
        var sources = services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var cases = new List<EndpointCase>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var roles = await RequiredRolesAsync(endpoint, policies);
            var pattern = endpoint.RoutePattern.RawText ?? "";
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD"))
            {
                cases.Add(new EndpointCase(method, pattern, ConcretePath(endpoint.RoutePattern), anonymous, roles));
            }
        }

        return cases.DistinctBy(c => (c.Method, c.Pattern)).OrderBy(c => c.Pattern, StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<string>> RequiredRolesAsync(Endpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        var roles = new List<string>();
        foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            if (data.Roles is { Length: > 0 } r)
            {
                roles.AddRange(r.Split(','));
            }

            if (data.Policy is { Length: > 0 } name && await policies.GetPolicyAsync(name) is { } policy)
            {
                roles.AddRange(policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                    .SelectMany(x => x.AllowedRoles));
            }
        }

        return roles.Distinct().ToList();
    }

    // Route parameters get a harmless value that passes their constraint; catch-alls of static assets get a file name.
    private static string ConcretePath(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.IsCatchAll ? "x.css"
                : parameter.ParameterPolicies.Any(p => p.Content == "guid") ? "0196a3f2-0000-7000-8000-000000000001"
                : parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") ? "1" : "x",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "x",
        })));
        return "/" + string.Join('/', segments);
    }
}
