using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class AgentStepConfiguration : IEntityTypeConfiguration<AgentStep>
{
    public void Configure(EntityTypeBuilder<AgentStep> builder)
    {
        builder.ToTable("AgentSteps");
        builder.Property(s => s.StepKey).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Agent).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Model).HasMaxLength(200);
        builder.Property(s => s.CostUsd).HasPrecision(18, 6);
        builder.Property(s => s.ReadVersionsJson).IsRequired().HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        // A completed step is never re-run, so a step key appears once per run.
        builder.HasIndex(s => new { s.RunId, s.StepKey }).IsUnique();
        // The daily budget sums the steps completed since midnight before every model call (UsageStore.GetSpentSinceAsync).
        builder.HasIndex(s => s.CompletedAt);
    }
}
