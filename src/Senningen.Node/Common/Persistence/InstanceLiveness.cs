namespace Senningen.Node.Common.Persistence;

/// <summary>
/// This process's name among the instances sharing the node's database, and its proof of life: it leads the role
/// <c>instance:{name}</c> (<see cref="InstanceLeadership"/>) for as long as it runs. The lock dies with the process or its
/// connection, so another instance that can take it knows this one is gone and may hand its claims to the living
/// (<see cref="Exchange.ClaimSweeper"/>). Work claimed under <see cref="Name"/> is claimed only while <see cref="IsAlive"/>.
/// On SQLite the one instance is alive from the start.
/// </summary>
public sealed partial class InstanceLiveness(InstanceLeadership leadership, ILogger<InstanceLiveness> logger) : BackgroundService
{
    public const string RolePrefix = "instance:";

    private readonly Lock _gate = new();
    private TaskCompletionSource _alive = NewWaiter();

    /// <summary>Unique per process: a restarted instance is a new one, and the sweeper may free the old one's claims.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Whether this instance holds its liveness lock now: the others cannot believe it dead.</summary>
    public bool IsAlive
    {
        get
        {
            lock (_gate)
            {
                return _alive.Task.IsCompleted;
            }
        }
    }

    /// <summary>Completes once this instance holds its liveness lock.</summary>
    public Task WhenAliveAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _alive.Task.WaitAsync(ct);
        }
    }

    public static string RoleOf(string instance) => RolePrefix + instance;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(RoleOf(Name), HoldAsync, stoppingToken);

    private async Task HoldAsync(CancellationToken lead)
    {
        lock (_gate)
        {
            _alive.TrySetResult();
        }

        try
        {
            await Task.Delay(Timeout.Infinite, lead);
        }
        finally
        {
            lock (_gate)
            {
                _alive = NewWaiter();
            }

            LogNotAlive(logger, Name);
        }
    }

    private static TaskCompletionSource NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} does not hold its liveness lock: it claims no work until it does again")]
    private static partial void LogNotAlive(ILogger logger, string instance);
}
