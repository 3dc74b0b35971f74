using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Senningen.Bench.Cluster;

/// <summary>
/// Debian's nginx in front of the instances of each node, as deploy/ runs it: one server per country on its own
/// loopback port, spreading requests over that node's instances (an operation's positions all to one, by its id, as
/// deploy/nginx routes them) with keep-alive upstream connections. Started as a child
/// process in a directory of its own, stopped with it.
/// </summary>
internal sealed class NginxFront : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _directory;

    private NginxFront(Process process, string directory) => (_process, _directory) = (process, directory);

    /// <param name="upstreams">Per front port, the ports of the instances behind it.</param>
    public static async Task<NginxFront> StartAsync(IReadOnlyDictionary<int, IReadOnlyList<int>> upstreams)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"nginx is not installed ({Binary}); apt-get install nginx");
        }

        var directory = Directory.CreateTempSubdirectory("senningen-bench-nginx-").FullName;
        // The workers run as nginx's unprivileged default user when started as root; they write their temp files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
        }
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(directory, upstreams));
        var process = Process.Start(new ProcessStartInfo(Binary, ["-p", directory, "-c", config, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var front = new NginxFront(process, directory);
        foreach (var port in upstreams.Keys)
        {
            await front.WaitForPortAsync(port);
        }

        return front;
    }

    private static string Config(string directory, IReadOnlyDictionary<int, IReadOnlyList<int>> upstreams)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""
            worker_processes 2;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 8192; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              client_max_body_size 20m;
              # As deploy/nginx/senningen-http.conf: an operation's positions to one instance, everything else spread.
              map $uri $operation_route {
                "~^/api/v1/operations/(?<operation>[^/]+)/positions$" $operation;
                default $request_id;
              }

            """);
        foreach (var (front, instances) in upstreams)
        {
            text.Append(CultureInfo.InvariantCulture, $"  upstream node{front} {{\n    hash $operation_route consistent;\n");
            foreach (var port in instances)
            {
                text.Append(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;\n");
            }

            text.Append(CultureInfo.InvariantCulture, $$"""
                    keepalive 256;
                  }
                  server {
                    listen 127.0.0.1:{{front}};
                    location / {
                      proxy_pass http://node{{front}};
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_next_upstream error timeout;
                      proxy_read_timeout 60s;
                    }
                  }

                """);
        }

        return text.Append("}\n").ToString();
    }

    private async Task WaitForPortAsync(int port)
    {
        var until = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < until && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                var log = Path.Combine(_directory, "error.log");
                throw new InvalidOperationException($"nginx does not listen on {port}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
