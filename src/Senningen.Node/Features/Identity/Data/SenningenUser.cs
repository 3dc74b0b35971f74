using Microsoft.AspNetCore.Identity;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Identity.Data;

/// <summary>A person who uses this node: always of the node's country, in one unit.</summary>
public sealed class SenningenUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public CountryCode Country { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>The zones (comma-separated ids, e.g. <c>NL-RE08,NL-RE09</c>) the user's unit works in or answers for.</summary>
    public string Zones { get; set; } = "";

    /// <summary>nl, fr, de or en: the console and the API answer this user in it.</summary>
    public string Language { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}
