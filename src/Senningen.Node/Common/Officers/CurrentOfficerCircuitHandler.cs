using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Senningen.Node.Common.Officers;

/// <summary>
/// Fills the circuit's <see cref="CurrentOfficer"/> before its first render and whenever the authentication state
/// changes: an interactive console page has no HttpContext to read the user from.
/// </summary>
internal sealed class CurrentOfficerCircuitHandler(AuthenticationStateProvider authentication, CurrentOfficer officer)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        officer.Use((await authentication.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> state) => _ = UseAsync(state);

    private async Task UseAsync(Task<AuthenticationState> state) => officer.Use((await state).User);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
