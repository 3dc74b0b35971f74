using Senningen.Cli;

namespace Senningen.Cli.Tests;

/// <summary>Runs senn in-process with its own config directory, environment, stdin and terminal.</summary>
internal sealed class CliHarness : IDisposable
{
    public string ConfigDir { get; } = Directory.CreateTempSubdirectory("senn-tests-").FullName;

    /// <summary>The only environment senn sees; the test process's own variables never leak in.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public string Stdin { get; set; } = "";

    public bool StdinRedirected { get; set; } = true;

    /// <summary>What the user types at no-echo prompts, in order.</summary>
    public Queue<string> TypedSecrets { get; } = new();

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Carries senn's HTTP requests instead of sockets, for tests that fake the node in-process; null for real sockets.</summary>
    public HttpMessageHandler? Handler { get; set; }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            In = new StringReader(Stdin),
            IsInputRedirected = StdinRedirected,
            ReadSecret = _ => TypedSecrets.TryDequeue(out var secret) ? secret : null,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };
        var exitCode = await CliApp.RunAsync(args, console, Handler, ConfigDir, time: Time, ct: TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(ConfigDir, recursive: true);
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The contract for every failure: exactly one line on stderr, prefixed with <c>senn: </c>.</summary>
    public string SingleErrorLine()
    {
        ErrorLines.Length.ShouldBe(1, $"stderr was: {Error}");
        ErrorLines[0].ShouldStartWith("senn: ");
        return ErrorLines[0];
    }
}
