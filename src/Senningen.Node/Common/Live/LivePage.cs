using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Senningen.Node.Common.Live;

/// <summary>
/// A console page that redraws as soon as a change of kind <typeparamref name="TChange"/> is published, at this instance
/// or (on PostgreSQL, through <see cref="ChangeBackplane"/>) at another, and at least every <see cref="Every"/> otherwise:
/// a safety net for notifications sent while this instance's listener was reconnecting (they are not replayed) and for
/// writes that publish nothing. Refreshes never overlap; a change during a load asks for one more load.
/// </summary>
public abstract class LivePage<TChange> : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private PeriodicTimer? _timer;
    private int _pending;

    [Inject]
    protected ChangeFeed<TChange> Feed { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    // The circuit's culture, as it is while the page is built: a signal from the feed arrives on the publisher's thread,
    // whose culture (the node's, not the user's) would otherwise flow into the reload and the render it triggers.
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected CancellationToken Stopping => _stop.Token;

    /// <summary>How often the page looks without a signal; one second unless the page says otherwise.</summary>
    protected virtual TimeSpan Every => TimeSpan.FromSeconds(1);

    /// <summary>Loads the page's data; called once before the first render and then on every change.</summary>
    protected abstract Task LoadAsync();

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        Feed.Changed += OnChange;
        _timer = new PeriodicTimer(Every, Clock);
        _ = TickAsync(_timer);
    }

    /// <summary>Whether a change concerns the page (the page of one operation ignores the others).</summary>
    protected virtual bool Concerns(TChange change) => true;

    private void OnChange(TChange change)
    {
        if (Concerns(change))
        {
            _ = InvokeAsync(ReloadInUserCultureAsync);
        }
    }

    private async Task TickAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(ReloadInUserCultureAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private Task ReloadInUserCultureAsync()
    {
        // Set inside the dispatched call: the change lasts for this reload and its render, whatever thread asked for it.
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        return ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        // A change that arrives during a load must not wait for the next tick: it asks for one more load instead.
        Interlocked.Exchange(ref _pending, 1);
        if (_stop.IsCancellationRequested || !await _one.WaitAsync(0))
        {
            return;
        }

        try
        {
            while (Interlocked.Exchange(ref _pending, 0) == 1 && !_stop.IsCancellationRequested)
            {
                await LoadAsync();
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed during the load.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
        finally
        {
            _one.Release();
        }

        if (Volatile.Read(ref _pending) == 1 && !_stop.IsCancellationRequested)
        {
            // Asked for between the last load and the release: serve it now rather than at the next tick.
            _ = InvokeAsync(ReloadAsync);
        }
    }

    public void Dispose()
    {
        Feed.Changed -= OnChange;
        _stop.Cancel();
        _timer?.Dispose();
        _stop.Dispose();
        _one.Dispose();
        GC.SuppressFinalize(this);
    }
}
