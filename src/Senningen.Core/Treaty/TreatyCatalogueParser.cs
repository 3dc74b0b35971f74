using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Treaty;

/// <summary>
/// Turns the catalogue's YAML files (one per mission type) into a <see cref="TreatyCatalogue"/>, or into
/// every problem found, each naming file, line and column. Pure: the caller reads the files.
/// </summary>
public static class TreatyCatalogueParser
{
    public static TreatyParseResult Parse(IEnumerable<TreatySource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var all = sources.ToList();
        var problems = new List<TreatyProblem>();
        var missions = new Dictionary<string, (MissionType Mission, string FileName)>(StringComparer.Ordinal);
        var rules = new List<TreatyRule>();

        foreach (var source in all.OrderBy(s => s.FileName, StringComparer.Ordinal))
        {
            var sink = new ProblemSink(source.FileName, problems);
            var root = LoadRoot(source, sink);
            if (root is null)
            {
                continue;
            }

            var (mission, fileRules) = MissionFileReader.Read(root, sink);
            if (mission is null)
            {
                continue;
            }

            if (missions.TryGetValue(mission.Id, out var first))
            {
                sink.Add(root, $"mission: id '{mission.Id}' is already defined in {first.FileName}");
                continue;
            }

            missions.Add(mission.Id, (mission, source.FileName));
            rules.AddRange(fileRules);
        }

        if (problems.Count > 0)
        {
            return TreatyParseResult.Failure(problems);
        }

        var version = TreatyCatalogue.ComputeVersion(all);
        return TreatyParseResult.Success(new TreatyCatalogue(missions.Values.Select(m => m.Mission), rules, version));
    }

    internal static YamlMappingNode? LoadRoot(TreatySource source, ProblemSink sink)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(source.Text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // The message of a syntax error starts with its own position; the problem carries it already.
            var message = e.InnerException?.Message ?? e.Message;
            sink.Add(e.Start.Line > 0 ? e.Start : parser.LastGood, $"YAML syntax: {StripPosition(message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            sink.Add(parser.LastGood, "YAML syntax: the text after this point cannot be read (unclosed bracket or quote?)");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            sink.Add(new Mark(0, 1, 1), $"expected exactly one YAML document, found {stream.Documents.Count}");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            sink.Add(stream.Documents[0].RootNode, "the file must be a mapping with id, name, summary and rules");
            return null;
        }

        return root;
    }

    private static string StripPosition(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }
}
