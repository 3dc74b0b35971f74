using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Exchange;

namespace Senningen.Cli.Commands;

/// <summary><c>senn node key rotate</c> and <c>senn node key revoke</c> (administrators): both print the key set the node now publishes.</summary>
internal static class NodeKeyChangeCommands
{
    public static Command Rotate(CliContext context)
    {
        var grace = new Option<int>("--grace") { Description = "Seconds the new key is published before the node signs with it (default 0: at once).", HelpName = "SECONDS" };
        var rotate = new Command("rotate",
            "Make the node's next signing key, publish it and push it to partners. The key it replaces stays accepted by partners for one message lifetime.")
        {
            grace,
        };
        rotate.SetAction((parse, ct) => SendAsync(context, parse, "api/v1/node/keys/rotate", new RotateKeyRequest(parse.GetValue(grace)), ct));
        return rotate;
    }

    public static Command Revoke(CliContext context)
    {
        var kid = new Argument<string>("KID") { Description = "The key id (fingerprint) to revoke, as 'senn node key' prints it." };
        var revoke = new Command("revoke",
            "Revoke one of the node's keys; partners refuse it as soon as they learn the new key set, which the node pushes to them at once.")
        {
            kid,
        };
        revoke.SetAction((parse, ct) => SendAsync(context, parse, "api/v1/node/keys/revoke", new RevokeKeyRequest(parse.GetRequiredValue(kid)), ct));
        return revoke;
    }

    private static async Task<int> SendAsync<TBody>(CliContext context, ParseResult parse, string path, TBody body, CancellationToken ct)
    {
        if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
        {
            return context.Fail(error);
        }

        using (connection)
        {
            var answered = await connection.Client.PostAsync<TBody, KeySetWire>(path, body, ct);
            if (!answered.Succeeded)
            {
                return context.Fail(connection.Node, answered.Problem);
            }

            Print(context, answered.Value);
            return ExitCodes.Ok;
        }
    }

    // One line per key: status, id, validity; then one per revoked key. Fixed columns for scripts ('awk $1 == "current"').
    // Encryption keys (ADR 0029) have their status prefixed 'enc-', so that 'current' still names the one signing key.
    private static void Print(CliContext context, KeySetWire set)
    {
        foreach (var key in set.Keys)
        {
            var status = key.Use == "enc" ? "enc-" + key.Status : key.Status;
            context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{status,-9} {key.Kid}  from {Moment(key.Nbf)}  until {(key.Exp is { } exp ? Moment(exp) : "-")}"));
        }

        foreach (var revoked in set.Revoked)
        {
            context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"revoked",-9} {revoked.Kid}  at {Moment(revoked.RevokedAt)}"));
        }
    }

    private static string Moment(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
