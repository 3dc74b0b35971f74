using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Picks the one instance of this node that runs a job which must run once across the instances sharing its database
/// (a worker, the audit sequencer). A job is named by a role; each role has one leader at a time.
/// <para>
/// PostgreSQL: the leader holds a session advisory lock, <c>pg_try_advisory_lock(7262025, hash(role))</c>, on a
/// connection of its own (not pooled). A leader that dies, even by <c>kill -9</c>, closes its socket, PostgreSQL drops the
/// lock, and a waiting instance, which tries every <see cref="RetryEvery"/>, takes over within about a second. The leader
/// watches its connection: a connection that breaks (<c>pg_terminate_backend</c>, database restart) or stops answering
/// within <see cref="ProbeTimeout"/> means the lock may be gone, and the lead's <see cref="Lead.Token"/> fires. The server
/// drops a silent client only after its TCP keepalives fail (set to about 11 s on the lock's connection), so a leader cut
/// off from the network has stepped down before anyone else can lead.
/// </para>
/// <para>SQLite: one instance owns the file, so it always leads at once and never loses the lead.</para>
/// <para>From a <see cref="BackgroundService"/>, the short way:</para>
/// <code>
/// protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
///     leadership.RunWhileLeadingAsync("audit-sequencer", RunAsync, stoppingToken);  // RunAsync(CancellationToken)
/// </code>
/// <para>or by hand, when the job needs the lead itself:</para>
/// <code>
/// while (!stoppingToken.IsCancellationRequested)
/// {
///     await using var lead = await leadership.WaitToLeadAsync("audit-sequencer", stoppingToken);
///     try { await RunAsync(lead.Token); }                         // lead.Token: stop requested or lead lost
///     catch (OperationCanceledException) when (lead.IsLost) { }   // another instance may lead now: wait again
/// }
/// </code>
/// A job run this way should still keep its writes safe by row versions or claims: between the moment a connection
/// breaks and the moment its leader notices (at most <see cref="ProbeEvery"/> + <see cref="ProbeTimeout"/>), two
/// instances may briefly both believe they lead.
/// </summary>
public sealed partial class InstanceLeadership(NodeSettings settings, ILogger<InstanceLeadership> logger)
{
    /// <summary>How often an instance that does not lead tries to take the lock.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long the leader waits on its connection between two probes (a broken connection is seen at once).</summary>
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may take before the leader steps down.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    // The first key of the two-key advisory lock space (apart from the one-key space of the audit chain and registry load).
    private const int LeadershipKeySpace = 7262025;

    private readonly ILogger _logger = logger;
    private readonly Lock _held = new();
    private readonly HashSet<Lead> _leading = [];

    /// <summary>Whether this instance leads <paramref name="role"/> now (for health pages and tests).</summary>
    public bool IsLeading(string role)
    {
        lock (_held)
        {
            foreach (var lead in _leading)
            {
                if (lead.Role == role)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Waits until this instance leads <paramref name="role"/>. Dispose the lead to step down (the lock is released with
    /// its connection); its <see cref="Lead.Token"/> fires when the lead is lost or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<Lead> WaitToLeadAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        if (settings.Database.Provider != DatabaseProvider.Postgres)
        {
            return Took(new Lead(this, role, null, cancellationToken));
        }

        // One connection for every try: a new one each second would start a new server process each second.
        NpgsqlConnection? connection = null;
        try
        {
            while (true)
            {
                try
                {
                    connection ??= await OpenAsync(role, cancellationToken);
                    if (await TryTakeAsync(connection, role, cancellationToken))
                    {
                        LogLeading(_logger, role);
                        var lead = Took(new Lead(this, role, connection, cancellationToken));
                        connection = null;
                        return lead;
                    }
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The database is away for a moment: nobody can lead through it; try again on a new connection.
                    LogTryFailed(_logger, role, e);
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }

                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="job"/> whenever this instance leads <paramref name="role"/>, until <paramref name="stoppingToken"/>
    /// fires. The job's token fires when the lead is lost; the job then ends, and runs again once this instance leads again.
    /// A job that ends by itself gives up the lead, and is run again once it is won again.
    /// </summary>
    public async Task RunWhileLeadingAsync(string role, Func<CancellationToken, Task> job, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        while (!stoppingToken.IsCancellationRequested)
        {
            Lead lead;
            try
            {
                lead = await WaitToLeadAsync(role, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await using (lead)
            {
                try
                {
                    await job(lead.Token);
                }
                catch (OperationCanceledException) when (lead.Token.IsCancellationRequested)
                {
                    // Lost the lead or stopping: the loop decides which.
                }
            }

            if (lead.IsLost && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Not at once: the database that broke this lead may still be on its way back.
                    await Task.Delay(RetryEvery, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// For a watcher (the claim sweeper) on a connection of its own: takes <paramref name="role"/>'s lock if nobody holds
    /// it. True means no instance leads the role now, and none can until <see cref="ReleaseAsync"/> or the connection closes.
    /// </summary>
    internal static async Task<bool> TryTakeAsync(NpgsqlConnection connection, string role, CancellationToken ct)
    {
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @key)", connection);
        take.Parameters.AddWithValue("space", LeadershipKeySpace);
        take.Parameters.AddWithValue("key", KeyOf(role));
        return await take.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Gives back a lock taken by <see cref="TryTakeAsync"/>.</summary>
    internal static async Task ReleaseAsync(NpgsqlConnection connection, string role, CancellationToken ct)
    {
        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, @key)", connection);
        release.Parameters.AddWithValue("space", LeadershipKeySpace);
        release.Parameters.AddWithValue("key", KeyOf(role));
        await release.ExecuteScalarAsync(ct);
    }

    /// <summary>The lock's second key: stable across processes and versions (string.GetHashCode is not).</summary>
    internal static int KeyOf(string role) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(role)), 0);

    private Lead Took(Lead lead)
    {
        lock (_held)
        {
            _leading.Add(lead);
        }

        return lead;
    }

    private void Released(Lead lead)
    {
        lock (_held)
        {
            _leading.Remove(lead);
        }
    }

    /// <summary>An unpooled connection whose session locks live exactly as long as it does.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(string role, CancellationToken ct)
    {
        // Not pooled: a pooled connection outlives its Close, and with it the lock would outlive the lead.
        var builder = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            ApplicationName = "senningen-lead:" + role,
            CommandTimeout = (int)ProbeTimeout.TotalSeconds,
            Timeout = (int)ProbeTimeout.TotalSeconds,
            // The server drops a client that went silent after 5 s + 3 × 2 s: later than the leader steps down by itself.
        };
        builder.Options = $"{builder.Options} -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3".TrimStart();
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// This instance leads <see cref="Role"/> until disposed or until <see cref="Token"/> fires. Disposing steps down.
    /// </summary>
    public sealed class Lead : IAsyncDisposable
    {
        private readonly InstanceLeadership _owner;
        private readonly NpgsqlConnection? _connection;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _either;
        private readonly CancellationTokenSource _watching = new();
        private readonly Task _watch;
        private int _disposed;

        internal Lead(InstanceLeadership owner, string role, NpgsqlConnection? connection, CancellationToken stopping)
        {
            _owner = owner;
            _connection = connection;
            Role = role;
            _either = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lost.Token);
            _watch = connection is null ? Task.CompletedTask : Task.Run(() => WatchAsync(connection), CancellationToken.None);
        }

        public string Role { get; }

        /// <summary>Fires when the lead is lost or the token given to <see cref="WaitToLeadAsync"/> fires.</summary>
        public CancellationToken Token => _either.Token;

        /// <summary>Whether the lead was lost (as opposed to given up or stopped).</summary>
        public bool IsLost => _lost.IsCancellationRequested;

        private async Task WatchAsync(NpgsqlConnection connection)
        {
            try
            {
                while (!_watching.IsCancellationRequested)
                {
                    // A terminated backend sends its error at once, which ends the wait; a quiet one is probed.
                    if (!await connection.WaitAsync((int)ProbeEvery.TotalMilliseconds, _watching.Token))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteScalarAsync(_watching.Token);
                    }
                }
            }
            catch (Exception) when (_watching.IsCancellationRequested)
            {
                // Stepping down: the connection closes next.
            }
            catch (Exception e)
            {
                LogLost(_owner._logger, Role, e);
                _owner.Released(this);
                await _lost.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _owner.Released(this);
            await _watching.CancelAsync();
            await _watch;
            if (_connection is not null)
            {
                // Closing the session releases its advisory lock.
                await _connection.DisposeAsync();
                LogSteppedDown(_owner._logger, Role);
            }

            _either.Dispose();
            _lost.Dispose();
            _watching.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now leads {Role}")]
    private static partial void LogLeading(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance no longer leads {Role}")]
    private static partial void LogSteppedDown(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lead of {Role}: its database connection broke; another instance may take over")]
    private static partial void LogLost(ILogger logger, string role, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try to lead {Role}; trying again")]
    private static partial void LogTryFailed(ILogger logger, string role, Exception exception);
}
