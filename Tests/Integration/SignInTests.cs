using System.Net;
using HighServiceDashboard.App.Cli;
using HighServiceDashboard.Domain.Audit;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Audit;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>Signing in as a person does it, over HTTP: the cookie, lockout, antiforgery, one-time passwords, and the audit log.</summary>
public class SignInTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_SetsASecureHttpOnlySameSiteCookieAndGoesBack()
    {
        var client = await _factory.SignedInClientAsync(null);

        var response = await DashboardFactory.SignInAsync(client, "finance.head", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hsd-auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task SignIn_ByEmail_Works_AndAWrongPasswordSaysSoWithoutACookie()
    {
        var client = await _factory.SignedInClientAsync(null);

        var wrong = await DashboardFactory.SignInAsync(client, "finance.head", "Wrong-password-1");
        var byEmail = await DashboardFactory.SignInAsync(client, "finance.head@demo.highservice.local", DemoAccounts.Password);

        Assert.StartsWith("/account/login?error=invalid", wrong.Headers.Location?.OriginalString);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("hsd-auth=", StringComparison.Ordinal)));
        Assert.Equal("/", byEmail.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var client = await _factory.SignedInClientAsync(null);
        for (var i = 0; i < 5; i++)
        {
            await DashboardFactory.SignInAsync(client, "tax.coordinator", $"Wrong-password-{i}");
        }

        var right = await DashboardFactory.SignInAsync(client, "tax.coordinator", DemoAccounts.Password);

        Assert.StartsWith("/account/login?error=locked", right.Headers.Location?.OriginalString);
        var users = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("tax.coordinator"))!));
    }

    [Fact]
    public async Task SignIn_ForgedPostWithoutTheFormsToken_IsRejected()
    {
        var client = await _factory.SignedInClientAsync(null);

        var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = DemoAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("hsd-auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_OffsiteReturnUrl_StaysOnTheSite()
    {
        var client = await _factory.SignedInClientAsync(null);
        var token = await DashboardFactory.AntiforgeryTokenAsync(client);

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "reviewer",
            ["password"] = DemoAccounts.Password,
            ["returnUrl"] = "//evil.example/",
        }));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CreateAdmin_PrintsAOneTimePassword_ThatSignsInOnlyToChangeIt()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await CreateAdminVerb.RunAsync(_factory.Services, ["--email", "chen@kcg.gov.tw", "--name", "陳管理"], output, errors, CancellationToken.None);
        var again = await CreateAdminVerb.RunAsync(_factory.Services, ["--email", "chen@kcg.gov.tw"], new StringWriter(), errors, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(1, again);
        Assert.Contains("account name is taken", errors.ToString());
        var password = System.Text.RegularExpressions.Regex.Match(output.ToString(), "One-time password: (\\S+)").Groups[1].Value;
        Assert.Equal(16, password.Length);
        var client = await _factory.SignedInClientAsync(null);
        var response = await DashboardFactory.SignInAsync(client, "chen", password);
        Assert.Equal("/account/password?returnUrl=%2F", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_SaysHowToCallIt()
    {
        var errors = new StringWriter();

        var exit = await CreateAdminVerb.RunAsync(_factory.Services, [], new StringWriter(), errors, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: create-admin --email", errors.ToString());
    }

    [Fact]
    public async Task PlanChange_ByASignedInPerson_IsInTheAuditLogWithBeforeAndAfter()
    {
        var actor = _factory.Services.GetRequiredService<AuditActor>();
        var plans = _factory.Services.GetRequiredService<PlanService>();
        int finance;
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            finance = await db.Agencies.Where(a => a.Name == "高雄市政府財政局").Select(a => a.Id).SingleAsync();
        }

        actor.Set("finance.coordinator");
        var stored = await plans.StoreDraftAsync(finance, 113, new PlanContentInput { Title = "原標題", FocusPoints = [new FocusPointInput { SubItemCode = "1.1", Title = "原重點" }] }, null, false, "finance.coordinator");
        actor.Set("finance.head");
        await plans.ChangeStatusAsync(stored.Id!.Value, 1, PlanAction.Submit, null, "finance.head");
        actor.Set(null);

        var log = await _factory.Services.GetRequiredService<AuditQueries>().ListAsync(new AuditFilter(AgencyId: finance));
        var added = Assert.Single(log, e => e.EntityType == "Plan" && e.Action == AuditAction.Added);
        Assert.Equal(("finance.coordinator", stored.Id.Value.ToString()), (added.Actor, added.EntityKey));
        Assert.Contains("\"Title\":\"原標題\"", added.After);
        var submitted = Assert.Single(log, e => e.EntityType == "Plan" && e.Action == AuditAction.Modified && e.Before!.Contains("\"Status\":\"Draft\""));
        Assert.Equal("finance.head", submitted.Actor);
        Assert.Contains("\"Status\":\"Submitted\"", submitted.After);
        var point = Assert.Single(log, e => e.EntityType == "FocusPoint" && e.Action == AuditAction.Added && e.After!.Contains("原重點"));
        // Saved beside its plan: the entry names the plan's real key, not the temporary one before the save.
        Assert.Contains($"\"PlanId\":{stored.Id.Value},", point.After);
        var page = await (await _factory.SignedInClientAsync("reviewer")).GetStringAsync("/audit");
        Assert.Contains("finance.head", page);
    }
}
