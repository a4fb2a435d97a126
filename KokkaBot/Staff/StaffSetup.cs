using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Staff;

public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Creates the first admin at start when there is no account yet (then remove it from the configuration).</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}

public static class StaffSetup
{
    public const string TownsClaim = "kokka:towns";

    /// <summary>Local staff accounts (hashed passwords, roles, lockout) with cookie sign-in; OpenID Connect can replace it later.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();

        services.AddDbContext<StaffDbContext>((sp, db) =>
            StorageSetup.UseDatabase(db, sp.GetRequiredService<DatabaseSettings>().ConnectionString, StaffDbContext.MigrationsHistoryTable));
        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.Lockout;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "kokka.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/staff/signin";
            cookie.LogoutPath = "/staff/signout";
            cookie.AccessDeniedPath = "/staff/denied";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // APIs answer 401/403; only pages redirect to the sign-in page.
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.EditKnowledge, policy => policy.RequireRole(StaffRoles.Coordinator, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.ReadKnowledge, policy => policy.RequireRole(StaffRoles.Coordinator, StaffRoles.Admin, StaffRoles.Advisor))
            .AddPolicy(StaffPolicies.ManageStaff, policy => policy.RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Advise, policy => policy.RequireRole(StaffRoles.Advisor, StaffRoles.Admin));

        services.AddScoped<StaffAccounts>();
        services.AddHostedService<StaffInitializer>();
        return services;
    }

    /// <summary>The editor a signed-in coordinator is, with their town scope.</summary>
    public static Editor ToEditor(this ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
        var towns = user.FindFirstValue(TownsClaim);
        return new Editor(name, string.IsNullOrEmpty(towns) ? null : towns.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // APIs and the advisor hub answer with a status; pages redirect to the sign-in page.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the town scope into the sign-in cookie, so every request knows it without a lookup.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Towns is { Count: > 0 } towns)
            identity.AddClaim(new Claim(StaffSetup.TownsClaim, string.Join(',', towns)));
        if (!string.IsNullOrEmpty(user.Email) && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
            identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        return identity;
    }
}

/// <summary>Creating and changing staff accounts, for the admin page, the command line and the first start.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, string role, IReadOnlyList<string>? towns)
    {
        if (!StaffRoles.All.Contains(role))
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"'{role}' is not a role; use {string.Join(", ", StaffRoles.All)}." });
        await EnsureRolesAsync();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Towns = towns is { Count: > 0 } ? towns : null };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }

    public Task<bool> AnyAsync() => users.Users.AnyAsync();

    public async Task<IReadOnlyList<(StaffUser User, IList<string> Roles)>> ListAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<(StaffUser, IList<string>)>();
        foreach (var user in all)
            result.Add((user, await users.GetRolesAsync(user)));
        return result;
    }

    public async Task<IdentityResult> UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = "No such account." });
        await users.ResetAccessFailedCountAsync(user);
        return await users.SetLockoutEndDateAsync(user, null);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }
}

/// <summary>Migrates the staff tables and, on a first start with Staff:AdminEmail/AdminPassword set, creates the first admin.</summary>
internal sealed partial class StaffInitializer(IServiceProvider services, Microsoft.Extensions.Options.IOptions<StaffOptions> options, ILogger<StaffInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<StaffDbContext>().Database.MigrateAsync(cancellationToken);
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        if (await accounts.AnyAsync())
            return;
        var (email, password) = (options.Value.AdminEmail, options.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            LogNoStaff();
            return;
        }
        var created = await accounts.CreateAsync(email, "Administrator", password, StaffRoles.Admin, null);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Staff:AdminEmail is set, but the first admin could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        LogAdminCreated(email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "There are no staff accounts yet. Create the first admin: dotnet run --project KokkaBot -- create-staff --email you@example.fi --role Admin (or set Staff:AdminEmail and Staff:AdminPassword).")]
    private partial void LogNoStaff();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin {Email} from configuration; remove Staff:AdminPassword from it now.")]
    private partial void LogAdminCreated(string email);
}
