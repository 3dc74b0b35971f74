using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Treaty;

/// <summary>Collects the problems of one file so that a reviewer sees all of them in one run.</summary>
internal sealed class ProblemSink(string fileName, List<TreatyProblem> problems)
{
    public string FileName { get; } = fileName;

    public int Count => problems.Count;

    public void Add(Mark at, string message) =>
        problems.Add(new TreatyProblem(FileName, checked((int)at.Line), checked((int)at.Column), message));

    public void Add(YamlNode at, string message) => Add(at.Start, message);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value",
    };
}
