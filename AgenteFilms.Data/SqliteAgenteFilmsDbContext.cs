using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data;

/// <summary>The embedded default: a SQLite file in the app's data folder. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteAgenteFilmsDbContext(DbContextOptions<SqliteAgenteFilmsDbContext> options)
    : AgenteFilmsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite stores decimal as TEXT and cannot SUM or ORDER BY it; money is summed on the usage page.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}
