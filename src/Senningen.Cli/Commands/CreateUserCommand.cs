using System.CommandLine;
using Senningen.Contracts.Users;

namespace Senningen.Cli.Commands;

internal static class CreateUserCommand
{
    public static readonly IReadOnlyList<string> Languages = ["nl", "fr", "de", "en"];

    public static Command Create(CliContext context)
    {
        var username = new Option<string>("--username") { Description = "Login name of the new user.", HelpName = "USER", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "Name shown to colleagues, e.g. \"Insp. An Peeters\".", HelpName = "NAME", Required = true };
        var unit = new Option<string>("--unit") { Description = "The user's unit, e.g. \"PZ Brussel-Hoofdstad\".", HelpName = "UNIT", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role to grant; repeat for several. One of {string.Join(", ", Roles.All)}.",
            HelpName = "ROLE",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        }.OneOf(Roles.All, "role");
        var language = new Option<string>("--language") { Description = "Language of the console: nl, fr, de or en. Default: the node's.", HelpName = "LANG" }
            .OneOf(Languages, "language");
        var zones = new Option<string[]>("--zone")
        {
            Description = "A control-room zone the user's unit works in or answers for (need to know), e.g. BE-VAN; repeat for several.",
            HelpName = "ZONE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var passwordStdin = TerminalInput.PasswordStdinOption();

        var command = new Command("create-user", "Create a user on the node. The initial password is read from --password-stdin or asked twice without echo.")
        {
            username, displayName, unit, roles, language, zones, passwordStdin,
        };
        command.SetAction(async (parse, ct) =>
        {
            // Login is checked first so that nobody types a password for a command that cannot run.
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                if (!TerminalInput.TryPassword(context.Console, parse.GetValue(passwordStdin), environmentVariable: null, confirm: true, out var password, out error))
                {
                    return context.Fail(error);
                }

                var request = new CreateUserRequest(
                    parse.GetValue(username),
                    password,
                    parse.GetValue(displayName),
                    parse.GetValue(unit),
                    [.. (parse.GetValue(roles) ?? []).Select(r => OptionRules.Canonical(r, Roles.All) ?? r).Distinct()],
                    OptionRules.Canonical(parse.GetValue(language), Languages))
                {
                    Zones = parse.GetValue(zones) is { Length: > 0 } given ? given : null,
                };
                var created = await connection.Client.PostAsync<CreateUserRequest, UserSummary>("api/v1/admin/users", request, ct);
                if (!created.Succeeded)
                {
                    return context.Fail(connection.Node, created.Problem);
                }

                var user = created.Value;
                context.Console.Out.WriteLine($"Created {user.Username} ({user.DisplayName}, {user.Unit}, {user.Country}, roles {Format.Roles(user.Roles)}{(user.Zones.Count > 0 ? ", zones " + string.Join(',', user.Zones) : "")}) on {connection.Node}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
