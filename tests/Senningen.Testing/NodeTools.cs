using System.Diagnostics;

namespace Senningen.Testing;

/// <summary>
/// Command-line tools from npm that tests run (the OpenAPI linter), installed from the lock file in their folder under
/// tools/. Locally a missing Node.js or npm skips the test; under SENNINGEN_REQUIRE_INFRA=1 it fails.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Senningen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder containing Senningen.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>The folder tools/<paramref name="name"/>, with its packages installed (npm ci when node_modules is missing).</summary>
    public static async Task<string> RequireAsync(string name, string binary, CancellationToken ct)
    {
        var folder = Path.Combine(RepositoryRoot(), "tools", name);
        var path = Path.Combine(folder, "node_modules", ".bin", binary);
        if (!OnPath("node") || !OnPath("npm"))
        {
            Infrastructure.Missing("Node.js with npm (apt-get install nodejs npm)");
        }

        await InstallLock.WaitAsync(ct);
        try
        {
            if (!File.Exists(path))
            {
                var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, ct);
                if (install.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {folder} failed ({install.ExitCode}):\n{install.Output}\n{install.Error}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return path;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, string directory, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No update check or telemetry from the tools: CI reaches only the package registries.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}
