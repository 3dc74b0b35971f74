using System.Globalization;
using System.Text.Json;

namespace Senningen.Cli.Http;

/// <summary>One invalid field of an RFC 9457 problem.</summary>
internal sealed record FieldError(string? Field, string Message);

/// <summary>An RFC 9457 problem answered by the node, reduced to what a person at a terminal needs.</summary>
internal sealed record NodeProblem(int Status, string? Title, string? Detail, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Reads a problem+json body; any other body still yields a problem named after the status.</summary>
    public static NodeProblem Parse(int status, string? reasonPhrase, string body)
    {
        var fallback = new NodeProblem(status, reasonPhrase, null, []);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            return new NodeProblem(status, Text(root, "title") ?? reasonPhrase, Text(root, "detail"), ReadErrors(root));
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    /// <summary>One line: title, detail and every invalid field, e.g. <c>Invalid request: … (username: is taken)</c>.</summary>
    public string Render()
    {
        var title = string.IsNullOrWhiteSpace(Title) ? $"HTTP {Status.ToString(CultureInfo.InvariantCulture)}" : OneLine(Title);
        var line = string.IsNullOrWhiteSpace(Detail) || Detail == Title ? title : $"{title}: {OneLine(Detail)}";
        if (Errors.Count == 0)
        {
            return line;
        }

        var fields = Errors.Select(e => string.IsNullOrEmpty(e.Field) ? OneLine(e.Message) : $"{e.Field}: {OneLine(e.Message)}");
        return $"{line} ({string.Join("; ", fields)})";
    }

    // The brief's shape is an array of {field, rule, message}; ASP.NET's own validation problems use
    // a map of field to messages, so both are understood.
    private static List<FieldError> ReadErrors(JsonElement root)
    {
        var errors = new List<FieldError>();
        if (!root.TryGetProperty("errors", out var node))
        {
            return errors;
        }

        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                errors.Add(new FieldError(Text(item, "field"), Text(item, "message") ?? Text(item, "rule") ?? "is invalid"));
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in node.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.ToString())
                    : [field.Value.ToString()];
                errors.AddRange(messages.Select(m => new FieldError(field.Name, m)));
            }
        }

        return errors;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
