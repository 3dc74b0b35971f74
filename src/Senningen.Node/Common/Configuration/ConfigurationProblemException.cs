namespace Senningen.Node.Common.Configuration;

/// <summary>Start-up refused because of configuration; every problem names its key.</summary>
public sealed class ConfigurationProblemException(IReadOnlyList<string> problems)
    : Exception("The node's configuration is not valid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
