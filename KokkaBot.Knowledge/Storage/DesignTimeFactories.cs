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

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresKnowledgeDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgresKnowledgeDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKnowledgeDbContext>
{
    public PostgresKnowledgeDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresKnowledgeDbContext>()
        .UseNpgsql("Host=localhost;Database=kokkabot_design", npgsql => npgsql.MigrationsHistoryTable(KnowledgeDbContext.MigrationsHistoryTable))
        .Options);
}
