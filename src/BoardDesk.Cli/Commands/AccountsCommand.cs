using System.CommandLine;
using BoardDesk.Accounts;

namespace BoardDesk.Cli.Commands;

/// <summary><c>boarddesk accounts create|disable|reset-password|list</c>.</summary>
public static class AccountsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var userName = new Argument<string>("user-name") { Description = "The account's user name." };
        var displayName = new Option<string>("--name") { Description = "The person's name as others see it.", Required = true };
        var password = new Option<string>("--password") { Description = "The password (or set BOARDDESK_PASSWORD, which keeps it out of the shell's history)." };
        var administrator = new Option<bool>("--administrator") { Description = "A system administrator." };

        var create = new Command("create", "Create an account.") { userName, displayName, password, administrator };
        create.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            CliProgram.SayActingAs(connection);
            var account = await connection.Grains.GetGrain<IAccountGrain>(parse.GetValue(userName)!)
                .CreateAsync(new CreateAccount(parse.GetValue(displayName)!, PasswordFrom(parse, password), parse.GetValue(administrator)));
            Console.WriteLine($"Created the account {account.UserName} ({account.DisplayName}).");
            return 0;
        }));

        var disableUser = new Argument<string>("user-name") { Description = "The account's user name." };
        var disable = new Command("disable", "Disable an account: its sessions end and its API tokens stop working.") { disableUser };
        disable.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            CliProgram.SayActingAs(connection);
            var account = await connection.Grains.GetGrain<IAccountGrain>(parse.GetValue(disableUser)!).SetEnabledAsync(false);
            Console.WriteLine($"Disabled the account {account.UserName}.");
            return 0;
        }));

        var resetUser = new Argument<string>("user-name") { Description = "The account's user name." };
        var newPassword = new Option<string>("--password") { Description = "The new password (or set BOARDDESK_PASSWORD)." };
        var reset = new Command("reset-password", "Set a new password for an account, as an administrator.") { resetUser, newPassword };
        reset.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            CliProgram.SayActingAs(connection);
            var user = parse.GetValue(resetUser)!;
            await connection.Grains.GetGrain<IAccountGrain>(user).ChangePasswordAsync(new ChangePassword(PasswordFrom(parse, newPassword), null, ByAdministrator: true));
            Console.WriteLine($"Set a new password for {user}.");
            return 0;
        }));

        var list = new Command("list", "List the accounts.");
        list.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var accounts = (await connection.ReadModels.AllAsync<AccountDetails>(cancellationToken)).OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();
            return ListCommands.Print(parse,
                accounts.Select(a => new { userName = a.UserName, displayName = a.DisplayName, enabled = a.Enabled, administrator = a.SystemAdministrator, boardRoles = a.BoardRoles }),
                ["User name", "Name", "Enabled", "Administrator", "Board roles"],
                accounts.Select(a => new[] { a.UserName, a.DisplayName, a.Enabled ? "yes" : "no", a.SystemAdministrator ? "yes" : "", string.Join(", ", a.BoardRoles.Select(r => $"{r.Role} of {r.BoardId}")) }));
        }));

        return new Command("accounts", "User accounts.") { create, disable, reset, list };
    }

    private static string PasswordFrom(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) ?? Environment.GetEnvironmentVariable("BOARDDESK_PASSWORD")
        ?? throw new CliFailure("Give the password with --password or in BOARDDESK_PASSWORD.", 2);
}
