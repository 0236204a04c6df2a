using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class PitchVersionConfiguration : IEntityTypeConfiguration<PitchVersion>
{
    public void Configure(EntityTypeBuilder<PitchVersion> builder)
    {
        builder.ToTable("PitchVersions");
        builder.Property(p => p.DocumentJson).IsRequired().HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        builder.Property(p => p.AuthorAgent).HasMaxLength(100);
        builder.Property(p => p.Note).HasMaxLength(2000);
        builder.HasIndex(p => new { p.SessionId, p.Number }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
