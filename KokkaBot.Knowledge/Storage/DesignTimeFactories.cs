using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KokkaBot.Knowledge.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteKnowledgeDbContext</c> build the context without a host.</summary>
internal sealed class SqliteKnowledgeDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKnowledgeDbContext>
{
    public SqliteKnowledgeDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteKnowledgeDbContext>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(KnowledgeDbContext.MigrationsHistoryTable))
        .Options);
}
