using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Public;
using Senningen.Node.Features.Exchange.Public;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Requests.Public;

namespace Senningen.Node.Components.Pages;

public sealed partial class Dashboard
{
    /// <summary>Rows per section; the rest is one "show all" away.</summary>
    internal const int Top = 5;

    /// <summary>Requests whose answer is due within this are "near their deadline".</summary>
    private static readonly TimeSpan DeadlineWithin = TimeSpan.FromHours(24);

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private string _displayName = "";
    private string _unit = "";
    private List<string> _roles = [];
    private readonly HashSet<string> _allowed = [];
    private DateTimeOffset _now;

    // Null: the signed-in role may not see that section, so it is not shown at all.
    private PictureSection<AlertLine>? _alerts;
    private PictureSection<AlertLine>? _foreign;
    private PictureSection<AbroadLine>? _abroad;
    private int? _hits;
    private (int Count, IReadOnlyList<DeadlineLine> Top)? _deadlines;
    private ExchangeStatusView? _links;
    private int? _volumeAlerts;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override TimeSpan Every => TimeSpan.FromSeconds(3);

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _displayName = user.FindFirst(Actor.DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "";
        _unit = user.FindFirst(Actor.UnitClaim)?.Value ?? "";
        _roles = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        string[] policies = [Policies.Alerts, Policies.Operations, Policies.AnprHits, Policies.Requests, Policies.ExchangeMonitor, Policies.DataProtection];
        foreach (var policy in policies)
        {
            if ((await Authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                _allowed.Add(policy);
            }
        }

        await base.OnInitializedAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        base.OnAfterRender(firstRender);
        if (!firstRender)
        {
            return;
        }

        // Hits and requests have feeds of their own, heard through their capabilities' ports.
        var scope = Scopes.CreateScope();
        var watches = new List<IDisposable>();
        if (_allowed.Contains(Policies.AnprHits))
        {
            watches.Add(ActivatorUtilities.CreateInstance<UnacknowledgedHits>(scope.ServiceProvider).Watch(Changed));
        }

        if (_allowed.Contains(Policies.Requests))
        {
            watches.Add(ActivatorUtilities.CreateInstance<RequestDeadlines>(scope.ServiceProvider).Watch(Changed));
        }

        Stopping.Register(() =>
        {
            watches.ForEach(w => w.Dispose());
            scope.Dispose();
        });
    }

    private void Changed() => _ = InvokeAsync(() =>
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        return ReloadAsync();
    });

    protected override async Task LoadAsync()
    {
        _now = Clock.GetUtcNow();
        var language = Texts.CurrentLanguage;
        await using var scope = Scopes.CreateOfficerScope(Officer.Principal);
        var services = scope.ServiceProvider;
        if (_allowed.Contains(Policies.Alerts))
        {
            var picture = services.GetRequiredService<OperationsPicture>();
            _alerts = await picture.UnacknowledgedAlertsAsync(Top, language, Stopping);
            _foreign = await picture.ForeignOperationsAsync(Top, language, Stopping);
        }

        if (_allowed.Contains(Policies.Operations))
        {
            _abroad = await services.GetRequiredService<OperationsPicture>().AbroadAsync(Top, language, Stopping);
        }

        if (_allowed.Contains(Policies.AnprHits))
        {
            _hits = await ActivatorUtilities.CreateInstance<UnacknowledgedHits>(services).CountAsync(Stopping);
        }

        if (_allowed.Contains(Policies.Requests))
        {
            _deadlines = await ActivatorUtilities.CreateInstance<RequestDeadlines>(services).DueAsync(DeadlineWithin, Top, Stopping);
        }

        if (_allowed.Contains(Policies.ExchangeMonitor))
        {
            _links = await services.GetRequiredService<IExchangeStatus>().StatusAsync(Stopping);
        }

        if (_allowed.Contains(Policies.DataProtection))
        {
            var since = _now.AddDays(-7);
            _volumeAlerts = await services.GetRequiredService<SenningenDbContext>().AuditEntries
                .CountAsync(e => (e.Action == AuditActions.ConsultationVolumeAlert || e.Action == AuditActions.ConsultationQuotaAlert) && e.OccurredAt > since, Stopping);
        }
    }

    /// <summary>How long ago, in the reader's language: seconds, minutes, hours and minutes, or days.</summary>
    private string Age(DateTimeOffset since) => Span(_now - since);

    private string Span(TimeSpan span)
    {
        span = span < TimeSpan.Zero ? TimeSpan.Zero : span;
        return span.TotalMinutes < 1 ? T["dashboard.age-seconds", (int)span.TotalSeconds]
            : span.TotalHours < 1 ? T["dashboard.age-minutes", (int)span.TotalMinutes]
            : span.TotalDays < 1 ? T["dashboard.age-hours", (int)span.TotalHours, span.Minutes]
            : T["dashboard.age-days", (int)span.TotalDays];
    }
}
