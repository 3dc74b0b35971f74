using Senningen.Node;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Demo;

try
{
    if (args.Length > 0 && args[0] == "demo")
    {
        return await DemoHost.RunAsync(args[1..]);
    }

    var app = NodeApp.Build(args);
    await app.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblemException problem)
{
    await Console.Error.WriteLineAsync(problem.Message);
    return 2;
}
