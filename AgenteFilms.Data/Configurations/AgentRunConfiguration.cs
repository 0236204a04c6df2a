using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class AgentRunConfiguration : IEntityTypeConfiguration<AgentRun>
{
    public void Configure(EntityTypeBuilder<AgentRun> builder)
    {
        builder.ToTable("AgentRuns");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Workflow).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ArgumentsJson).HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(200);
        // A repeated submit with the same key finds the existing run instead of creating a second one.
        builder.HasIndex(r => new { r.SessionId, r.IdempotencyKey }).IsUnique();
        // One active run per session, enforced by the database so two racing submits cannot both start.
        builder.HasIndex(r => r.SessionId)
            .IsUnique()
            .HasFilter("\"Status\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_AgentRuns_SessionId_Active");
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
