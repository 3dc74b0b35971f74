using System.Globalization;
using System.Text;
using System.Text.Json;
using Senningen.Contracts.Anpr;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>Reads an import body, CSV with a header line or a JSON array, into numbered lines.</summary>
internal static class HotlistLines
{
    public static readonly string[] Columns = ["plate", "category", "action", "validFrom", "validTo", "owner", "assessment"];

    /// <summary>JSON: line n is the n-th element of the array.</summary>
    public static List<(int Line, HotlistEntryInput? Input)> FromJson(string body, JsonSerializerOptions options)
    {
        var inputs = JsonSerializer.Deserialize<List<HotlistEntryInput?>>(body, options) ?? [];
        return [.. inputs.Select((input, i) => (i + 1, input))];
    }

    /// <summary>CSV: the header names the columns (any order, any case); line numbers count the header as line 1.</summary>
    public static (List<(int Line, HotlistEntryInput? Input)> Lines, List<(int Line, string Field)> Unreadable) FromCsv(string body)
    {
        var lines = new List<(int, HotlistEntryInput?)>();
        var unreadable = new List<(int, string)>();
        var rows = body.ReplaceLineEndings("\n").Split('\n');
        var header = rows.Length > 0 ? Split(rows[0]).Select(h => h.Trim()).ToList() : [];
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var index = Columns.ToDictionary(c => c, Column);
        for (var i = 1; i < rows.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(rows[i]))
            {
                continue;
            }

            var cells = Split(rows[i]);
            string? Cell(string name) => index[name] is >= 0 and var at && at < cells.Count && cells[at].Trim() is { Length: > 0 } v ? v : null;
            var (from, fromOk) = Time(Cell("validFrom"));
            var (to, toOk) = Time(Cell("validTo"));
            if (!fromOk || !toOk)
            {
                unreadable.Add((i + 1, fromOk ? "validTo" : "validFrom"));
                continue;
            }

            lines.Add((i + 1, new HotlistEntryInput(Cell("plate"), Cell("category"), Cell("action"), from, to, Cell("owner"), Cell("assessment"))));
        }

        return (lines, unreadable);
    }

    private static (DateTimeOffset?, bool) Time(string? text) =>
        text is null ? (null, true)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? (t, true) : (null, false);

    // RFC 4180 cells: commas separate, double quotes enclose, "" is a quote inside quotes.
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
