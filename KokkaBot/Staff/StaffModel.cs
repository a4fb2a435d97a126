using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Staff;

/// <summary>The roles of the people who run KokkaBot.</summary>
public static class StaffRoles
{
    /// <summary>Manages staff accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>Keeps the knowledge base true.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>Takes over conversations from the bot.</summary>
    public const string Advisor = "Advisor";

    public static IReadOnlyList<string> All { get; } = [Admin, Coordinator, Advisor];
}

/// <summary>Authorization policies, named for what they allow.</summary>
public static class StaffPolicies
{
    public const string EditKnowledge = "EditKnowledge";
    public const string ReadKnowledge = "ReadKnowledge";
    public const string ManageStaff = "ManageStaff";
    public const string Advise = "Advise";
}

/// <summary>A staff account. Coordinators may be limited to some towns (null: every town and national content).</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>JSON list of town slugs, or null for no limit.</summary>
    public string? TownsJson { get; set; }

    public IReadOnlyList<string>? Towns
    {
        get => TownsJson is null ? null : JsonSerializer.Deserialize<List<string>>(TownsJson);
        set => TownsJson = value is null ? null : JsonSerializer.Serialize(value);
    }
}

/// <summary>The staff account store: ASP.NET Core Identity's tables in the host's database.</summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public const string MigrationsHistoryTable = "__StaffMigrations";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.TownsJson).HasMaxLength(200);
            user.Ignore(u => u.Towns);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context StaffDbContext</c> build the context without a host.</summary>
internal sealed class StaffDbContextDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<StaffDbContext>
{
    public StaffDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<StaffDbContext>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(StaffDbContext.MigrationsHistoryTable))
        .Options);
}
