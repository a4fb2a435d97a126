using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KokkaBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web host.</summary>
internal sealed class KokkaDbContextFactory : IDesignTimeDbContextFactory<KokkaDbContext>
{
    public KokkaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KokkaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
