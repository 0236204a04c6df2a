using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Data;

/// <summary>Production: PostgreSQL via Npgsql, JSON stored as jsonb. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresAgenteFilmsDbContext(DbContextOptions<PostgresAgenteFilmsDbContext> options)
    : AgenteFilmsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.FindAnnotation(JsonAnnotation)?.Value is true)
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}
