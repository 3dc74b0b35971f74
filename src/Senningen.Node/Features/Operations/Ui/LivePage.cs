using Microsoft.AspNetCore.Components;

namespace Senningen.Node.Features.Operations.Ui;

/// <summary>
/// A console page that redraws as soon as this process records a change (the feed) and at least every second
/// otherwise (another instance sharing the database may have made it). Refreshes never overlap.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private PeriodicTimer? _timer;
    private int _pending;

    [Inject]
    protected OperationsFeed Feed { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Loads the page's data; called once before the first render and then on every change.</summary>
    protected abstract Task LoadAsync();

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        Feed.AlertsChanged += OnChange;
        Feed.OperationChanged += OnOperationChange;
        _timer = new PeriodicTimer(Every, Clock);
        _ = TickAsync(_timer);
    }

    /// <summary>Whether a change of this operation concerns the page; the page of one operation ignores the others.</summary>
    protected virtual bool Concerns(Guid operationId) => true;

    private void OnOperationChange(Guid operationId)
    {
        if (Concerns(operationId))
        {
            OnChange();
        }
    }

    private void OnChange() => _ = InvokeAsync(ReloadAsync);

    private async Task TickAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(ReloadAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
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
        Feed.AlertsChanged -= OnChange;
        Feed.OperationChanged -= OnOperationChange;
        _stop.Cancel();
        _timer?.Dispose();
        _stop.Dispose();
        _one.Dispose();
        GC.SuppressFinalize(this);
    }
}
