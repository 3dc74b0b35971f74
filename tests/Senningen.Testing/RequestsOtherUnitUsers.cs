using System.Net.Http.Json;
using Senningen.Contracts.Users;

namespace Senningen.Testing;

/// <summary>
/// Users of units and zones other than the demo's, created through the admin API as a deployment would: need-to-know
/// tests of cooperation requests sign in as them next to the demo users of the same roles.
/// </summary>
public static class RequestsOtherUnitUsers
{
    public const string Password = "Another-unit-2026";

    /// <summary>Creates the user (as the demo administrator) and gives a client signed in as them.</summary>
    public static async Task<HttpClient> SignedInAsNewAsync(this TestNode node, string username, string unit, string role, params string[] zones)
    {
        ArgumentNullException.ThrowIfNull(node);
        using (var admin = await node.SignedInAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("api/v1/admin/users",
                new CreateUserRequest(username, Password, $"{role} of {unit}", unit, [role], "en") { Zones = zones });
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"creating {username}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }
        }

        return await node.SignedInAsync(username, Password);
    }
}
