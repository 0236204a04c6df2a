using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Title).HasMaxLength(200).IsRequired();
        builder.Property(s => s.BriefJson).IsRequired().HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ModelProfile).HasMaxLength(100);
        builder.Property(s => s.MetadataJson).HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(s => new { s.OwnerId, s.UpdatedAt });
        builder.HasIndex(s => new { s.OwnerId, s.ArchivedAt });
    }
}
