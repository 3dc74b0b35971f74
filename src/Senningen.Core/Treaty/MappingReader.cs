using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Treaty;

/// <summary>
/// Reads the fields of one YAML mapping, reporting unknown keys (typos), missing fields and wrong
/// types with their line instead of throwing, so one pass finds every problem.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public MappingReader(YamlMappingNode node, string context, ProblemSink sink, IReadOnlyCollection<string> keys)
    {
        Node = node;
        Context = context;
        Sink = sink;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalar)
            {
                sink.Add(keyNode, $"{context}: a key must be a plain name");
            }
            else if (!keys.Contains(key))
            {
                sink.Add(keyNode, $"{context}: unknown key '{key}' (expected one of: {string.Join(", ", keys)})");
            }
            else
            {
                _fields[key] = (scalar, value);
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Context { get; }

    public ProblemSink Sink { get; }

    public Mark KeyMark(string key) => _fields.TryGetValue(key, out var field) ? field.Key.Start : Node.Start;

    public YamlNode? Get(string key, bool required)
    {
        if (_fields.TryGetValue(key, out var field) && !IsNull(field.Value))
        {
            return field.Value;
        }

        if (required)
        {
            Sink.Add(_fields.TryGetValue(key, out var empty) ? empty.Key : Node, $"{Context}: missing field '{key}'");
        }

        return null;
    }

    public string? String(string key, bool required = true)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Sink.Add(node, $"{Context}: '{key}' must be a non-empty text, found {ProblemSink.Describe(node)}");
            return null;
        }

        return value.Trim();
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                Sink.Add(Get(key, false)!, $"{Context}: '{key}' must be true or false, found '{text}'");
                return null;
        }
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Sink.Add(Get(key, false)!, $"{Context}: '{key}' must be a date like 2023-10-01, found '{text}'");
        return null;
    }

    public LocalizedText? Text(string key, bool required = true)
    {
        var node = Get(key, required);
        return node is null ? null : ReadText(node, $"{Context}.{key}", Sink);
    }

    public MappingReader? Mapping(string key, IReadOnlyCollection<string> keys, bool required = true)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, $"{Context}.{key}", Sink, keys);
        }

        Sink.Add(node, $"{Context}: '{key}' must be a mapping, found {ProblemSink.Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var node = Get(key, required: true);
        if (node is null or YamlSequenceNode)
        {
            return node as YamlSequenceNode;
        }

        Sink.Add(node, $"{Context}: '{key}' must be a list, found {ProblemSink.Describe(node)}");
        return null;
    }

    /// <summary>A text must be a mapping with exactly nl, fr, de and en, none blank.</summary>
    public static LocalizedText? ReadText(YamlNode node, string context, ProblemSink sink)
    {
        if (node is not YamlMappingNode mapping)
        {
            sink.Add(node, $"{context}: must be a mapping with nl, fr, de and en, found {ProblemSink.Describe(node)}");
            return null;
        }

        var reader = new MappingReader(mapping, context, sink, Language.All);
        var texts = Language.All.Select(language => reader.String(language)).ToArray();
        return texts.Any(t => t is null) ? null : new LocalizedText(texts[0]!, texts[1]!, texts[2]!, texts[3]!);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };
}
