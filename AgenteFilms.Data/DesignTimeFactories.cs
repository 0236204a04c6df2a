using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgenteFilms.Data;

// Used only by `dotnet ef` to build the model for each provider's migrations; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAgenteFilmsDbContext>
{
    public SqliteAgenteFilmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAgenteFilmsDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteAgenteFilmsDbContext).Assembly.FullName))
            .Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAgenteFilmsDbContext>
{
    public PostgresAgenteFilmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAgenteFilmsDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly(typeof(PostgresAgenteFilmsDbContext).Assembly.FullName))
            .Options);
}
