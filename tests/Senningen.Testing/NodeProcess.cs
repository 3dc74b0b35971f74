using System.Diagnostics;

namespace Senningen.Testing;

/// <summary>
/// A node as a separate operating-system process, so a test can kill it (SIGKILL) the way a crash or a pulled
/// plug would, with nothing flushed or disposed.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    /// <param name="overrides">Settings that differ from the node's for this process (another instance's <c>urls</c>).</param>
    public static async Task<NodeProcess> StartAsync(TestNode node, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = node.Settings.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var assembly = typeof(Senningen.Node.NodeApp).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the node process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new NodeProcess(process);
        await running.WaitUntilReadyAsync(new Uri(settings["urls"] + "/"));
        return running;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(Uri baseUrl)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node process exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await client.GetAsync("health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The node process did not become ready within 60 seconds.");
    }
}
