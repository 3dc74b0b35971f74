using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Users;

namespace Senningen.Testing;

/// <summary>
/// Users of units and zones the demo does not have, created by the node's administrator over the API, for need-to-know
/// tests of consultation, ANPR hits and the Exchange monitor: "the same role, another unit or control-room zone".
/// </summary>
public static class NtkDataUsers
{
    public const string Password = "another unit's long passphrase 17";

    /// <summary>Creates the user and signs them in.</summary>
    public static async Task<HttpClient> SignedInOtherAsync(this TestNode node, string username, string unit, string role,
        IReadOnlyList<string>? zones = null, IReadOnlyList<string>? authorisations = null)
    {
        using (var admin = await node.SignedInAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("api/v1/admin/users",
                new CreateUserRequest(username, Password, $"Test {username}", unit, [role], "en") { Zones = zones, Authorisations = authorisations });
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Creating {username} gave {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            }
        }

        return await node.SignedInAsync(username, Password);
    }
}
