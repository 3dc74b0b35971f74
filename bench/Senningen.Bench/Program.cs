using Senningen.Bench;

return await Suites.RunAsync(args);
