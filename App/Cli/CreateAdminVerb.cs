using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>create-admin --email ADDRESS [--name NAME] [--user ACCOUNT]</c>: makes a commission
/// administrator on the configured database and prints a one-time password, changed at the first
/// sign-in. A fresh install has no other way in: there is no default password.
/// </summary>
public static class CreateAdminVerb
{
    public const string Verb = "create-admin";

    private const string Usage = "usage: create-admin --email ADDRESS [--name NAME] [--user ACCOUNT]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string? email = null, name = null, user = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--email" when value is not null: email = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                case "--user" when value is not null: user = value; i++; break;
                default:
                    await stderr.WriteLineAsync($"{Usage}  (unexpected '{args[i]}')");
                    return 2;
            }
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var commission = await db.Agencies.Where(a => a.Name == AccountService.CommissionAgencyName).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (commission is null)
        {
            await stderr.WriteLineAsync($"The commission's agency ({AccountService.CommissionAgencyName}) is not in the database; add it in the agency tree first.");
            return 1;
        }

        var input = new AccountInput
        {
            UserName = user ?? email.Split('@')[0],
            Email = email,
            DisplayName = name ?? email,
            Role = Role.CommissionAdmin,
            AgencyId = commission,
        };
        var issued = await services.GetRequiredService<AccountService>().CreateAsync(input, ct);
        if (!issued.Result.Succeeded)
        {
            var messages = string.Join("; ", issued.Result.Errors.Select(ErrorText));
            await stderr.WriteLineAsync($"The administrator was not created: {messages}");
            return 1;
        }

        await stdout.WriteLineAsync($"Created the commission administrator '{input.UserName}' <{input.Email}>.");
        await stdout.WriteLineAsync($"One-time password: {issued.Password}");
        await stdout.WriteLineAsync("Sign in with it at /account/login; the dashboard asks for a new password first.");
        return 0;
    }

    private static string ErrorText(string key) => key switch
    {
        AccountMessages.UserNameTaken => "the account name is taken (choose one with --user)",
        AccountMessages.EmailTaken => "the e-mail address belongs to another account",
        AccountMessages.EmailFormat => "the e-mail address is not valid",
        AccountMessages.UserNameFormat => "the account name must be 3-64 letters, digits or . _ - (choose one with --user)",
        _ => key,
    };
}
