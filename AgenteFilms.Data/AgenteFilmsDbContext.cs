using AgenteFilms.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AgenteFilms.Data;

/// <summary>
/// The model shared by both providers. Each provider has a derived context with its own migrations
/// (EF Core, "Migrations with multiple providers"); callers only ever see this type.
/// It also keeps the ASP.NET Core Data Protection key ring (<see cref="DataProtectionKeys"/>), so antiforgery tokens
/// and sign-in cookies survive a restart and are valid on every instance sharing the database.
/// </summary>
public abstract class AgenteFilmsDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Marks a string property holding JSON, so PostgreSQL can store it as jsonb.</summary>
    internal const string JsonAnnotation = "AgenteFilms:Json";

    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionState> SessionStates => Set<SessionState>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<AgentRun> AgentRuns => Set<AgentRun>();
    public DbSet<AgentStep> AgentSteps => Set<AgentStep>();
    public DbSet<PitchVersion> PitchVersions => Set<PitchVersion>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSettings> UserSettings => Set<UserSettings>();
    public DbSet<SessionViewer> SessionViewers => Set<SessionViewer>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables first (AspNetUsers, AspNetRoles, ...), then ours.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AgenteFilmsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite reads them back as Unspecified and Npgsql rejects Unspecified for
        // timestamptz, so normalise the kind in both directions.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
