using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Senningen.Testing;

/// <summary>
/// Debian's nginx in front of several instances of one node, as in production: round robin over the instances, the
/// next one tried when one refuses the connection, forwarded headers and WebSocket upgrades passed on. It runs in the
/// foreground from a configuration written to a temporary directory, and is killed with the test.
/// </summary>
public sealed class TestNginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private TestNginx(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public static async Task<TestNginx> StartAsync(int port, IReadOnlyList<int> upstreams)
    {
        var nginx = Infrastructure.RequireNginx();
        var directory = Directory.CreateTempSubdirectory("senningen-nginx-").FullName;
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(directory, port, upstreams));
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", directory, "-c", config, "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new TestNginx(process, directory);
        await running.WaitUntilListeningAsync(port);
        return running;
    }

    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    // As root nginx would hand its workers to 'nobody', who cannot write the temporary directory.
    private static string Config(string directory, int port, IReadOnlyList<int> upstreams) => string.Create(CultureInfo.InvariantCulture, $$"""
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        worker_processes 1;
        daemon off;
        pid {{directory}}/nginx.pid;
        events { worker_connections 512; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            upstream node {
        {{string.Concat(upstreams.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n"))}}
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://node;
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_connect_timeout 1s;
                    proxy_read_timeout 60s;
                }
            }
        }
        """);

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}: {ErrorLog}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on {port} within 10 seconds: {ErrorLog}");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }

        return ValueTask.CompletedTask;
    }
}
