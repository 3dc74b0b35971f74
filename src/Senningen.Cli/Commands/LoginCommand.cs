using System.CommandLine;
using Senningen.Cli.Credentials;
using Senningen.Contracts.Auth;

namespace Senningen.Cli.Commands;

internal static class LoginCommand
{
    public static Command Create(CliContext context)
    {
        var username = new Option<string>("--username") { Description = "The user name; asked on the terminal when missing.", HelpName = "USER" };
        var passwordStdin = TerminalInput.PasswordStdinOption();
        var command = new Command(
            "login",
            "Log in to a node and keep its token for the other commands. The password comes from --password-stdin, "
            + "else $SENNINGEN_PASSWORD, else a prompt without echo.")
        {
            username,
            passwordStdin,
        };
        command.SetAction((parse, ct) => RunAsync(context, parse, parse.GetValue(username), parse.GetValue(passwordStdin), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string? givenUsername, bool passwordStdin, CancellationToken ct)
    {
        if (!context.TryResolveNode(parse, out var node, out var error)
            || !TerminalInput.TryUsername(context.Console, givenUsername, passwordStdin, out var username, out error)
            || !TerminalInput.TryPassword(context.Console, passwordStdin, "SENNINGEN_PASSWORD", confirm: false, out var password, out error))
        {
            return context.Fail(error);
        }

        using var anonymous = context.Open(node, accessToken: null);
        var token = await anonymous.PostAsync<TokenRequest, TokenResponse>("api/v1/auth/token", new TokenRequest(username, password), ct);
        if (!token.Succeeded)
        {
            return context.Fail(new CliError(ExitCodes.Failure, $"login to {node} failed: {token.Problem.Render()}"));
        }

        using var client = context.Open(node, token.Value.AccessToken);
        var me = await client.GetAsync<CurrentUser>("api/v1/me", ct);
        if (!me.Succeeded)
        {
            return context.Fail(node, me.Problem);
        }

        var user = me.Value;
        context.Credentials.Store(node, new StoredToken(user.Username, token.Value.AccessToken, token.Value.ExpiresAt,
            token.Value.RefreshToken, token.Value.RefreshExpiresAt));
        context.Console.Out.WriteLine(
            $"Logged in to {node} as {user.Username} ({user.Country}, roles {Format.Roles(user.Roles)}) until {Format.Moment(token.Value.ExpiresAt, context.Time)}");
        return ExitCodes.Ok;
    }
}
