using Senningen.Cli;

return await CliApp.RunAsync(args, CliConsole.System());
