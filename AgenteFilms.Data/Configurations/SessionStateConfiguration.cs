using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class SessionStateConfiguration : IEntityTypeConfiguration<SessionState>
{
    public void Configure(EntityTypeBuilder<SessionState> builder)
    {
        builder.ToTable("SessionStates");
        builder.Property(s => s.Key).HasMaxLength(100).IsRequired();
        builder.Property(s => s.ValueJson).IsRequired().HasAnnotation(AgenteFilmsDbContext.JsonAnnotation, true);
        // A version number is unique per key: two writers racing for the same version cannot both win.
        builder.HasIndex(s => new { s.SessionId, s.Key, s.Version }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
