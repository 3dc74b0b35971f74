using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Senningen.Contracts.Requests;

namespace Senningen.Cli.Commands;

/// <summary><c>senn requests list|show|export</c>: the cooperation requests of a node, over its API (officer, control room or liaison).</summary>
internal static class RequestsCommand
{
    private static readonly string[] Headers = ["REFERENCE", "ID", "BOX", "TYPE", "TO/FROM", "STATE", "URGENCY", "DEADLINE", "ANSWER BY"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context) =>
        new("requests", "Cooperation requests with the partner nodes: inbox and outbox, one request with its timeline, the form as JSON.")
        {
            List(context), Show(context), Export(context),
        };

    private static Command List(CliContext context)
    {
        var box = new Option<string>("--box") { Description = "inbox (asked of this node) or outbox (asked by it).", HelpName = "BOX" }.OneOf(["inbox", "outbox"], "box");
        var state = new Option<string>("--state") { Description = "Only requests in this state, e.g. received.", HelpName = "STATE" };
        var type = new Option<string>("--type") { Description = "Only requests of this type, e.g. material-loan.", HelpName = "TYPE" };
        var overdue = new Option<bool>("--overdue") { Description = "Only requests whose deadline passed while the clock runs." };
        var command = new Command("list", "List requests, crisis first, then newest.") { box, state, type, overdue };
        command.SetAction(async (parse, ct) =>
        {
            var query = string.Join('&', new (string Name, string? Value)[]
                {
                    ("box", OptionRules.Canonical(parse.GetValue(box), ["inbox", "outbox"])), ("state", parse.GetValue(state)), ("type", parse.GetValue(type)),
                    ("overdue", parse.GetValue(overdue) ? "true" : null),
                }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
            return await WithNodeAsync<IReadOnlyList<RequestSummary>>(context, parse, "api/v1/requests" + (query.Length > 0 ? "?" + query : ""), list =>
            {
                TextTable.Write(context.Console.Out, Headers, [.. list.Select(r => (IReadOnlyList<string>)
                [
                    r.Reference, r.Id.ToString(), r.Side == "requested" ? "inbox" : "outbox", r.Type,
                    r.Side == "requested" ? r.RequestingCountry : r.RequestedCountry, r.State, r.Urgency, r.DeadlineStatus,
                    r.AnswerBy is { } by ? Format.Moment(by, context.Time) : "-",
                ])]);
            }, ct);
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<Guid>("ID") { Description = "The request's id (see 'senn requests list')." };
        var command = new Command("show", "Show one request: route, fields, legal basis and timeline (the node audits the read).") { id };
        command.SetAction(async (parse, ct) => await WithNodeAsync<RequestView>(context, parse, $"api/v1/requests/{parse.GetValue(id)}", view =>
        {
            var s = view.Summary;
            var output = context.Console.Out;
            output.WriteLine($"{s.Reference}  {s.TypeName}  [{s.StateName}]");
            output.WriteLine($"{s.RequestingCountry} -> {s.RequestedCountry}: {s.Recipient}" + (s.SpocCopy is null ? "" : $"; copy {s.SpocCopy}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.UrgencyName}; answer by {(s.AnswerBy is { } by ? Format.Moment(by, context.Time) : "-")} ({s.DeadlineStatus}){(s.Escalated ? ", escalated" : "")}"));
            output.WriteLine(view.LegalBasis);
            foreach (var field in view.Fields)
            {
                output.WriteLine($"  {field.Label}: {field.Display ?? field.Value}");
            }

            foreach (var step in view.Timeline)
            {
                output.WriteLine($"  {Format.Moment(step.At, context.Time)}  {step.ActionName} ({step.Actor}, {step.Country}){(step.Reason is null ? "" : ": " + step.Reason)}");
            }
        }, ct));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var id = new Argument<Guid>("ID") { Description = "The request's id." };
        var format = new Option<string>("--format") { Description = "json (the printable form's content).", HelpName = "FORMAT", Required = true }.OneOf(["json"], "format");
        var language = new Option<string>("--lang") { Description = "Language of the form: nl, fr, de or en (default: the user's).", HelpName = "LANG" }
            .OneOf(["nl", "fr", "de", "en"], "language");
        var command = new Command("export", "Print the request's form (fields, parties, legal basis, timeline, signatures) as JSON for a case file.") { id, format, language };
        command.SetAction(async (parse, ct) =>
        {
            var lang = OptionRules.Canonical(parse.GetValue(language), ["nl", "fr", "de", "en"]);
            return await WithNodeAsync<RequestFormView>(context, parse, $"api/v1/requests/{parse.GetValue(id)}/form" + (lang is null ? "" : $"?lang={lang}"),
                form => context.Console.Out.WriteLine(JsonSerializer.Serialize(form, Json)), ct);
        });
        return command;
    }

    private static async Task<int> WithNodeAsync<T>(CliContext context, ParseResult parse, string path, Action<T> write, CancellationToken ct)
    {
        if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
        {
            return context.Fail(error);
        }

        using (connection)
        {
            var answered = await connection.Client.GetAsync<T>(path, ct);
            if (!answered.Succeeded)
            {
                return context.Fail(connection.Node, answered.Problem);
            }

            write(answered.Value);
            return ExitCodes.Ok;
        }
    }
}
