using AgenteFilms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder)
    {
        // Seeded with fixed ids and stamps so migrations stay stable.
        builder.HasData(
            new IdentityRole<Guid> { Id = AppRoles.WriterId, Name = AppRoles.Writer, NormalizedName = "WRITER", ConcurrencyStamp = "writer" },
            new IdentityRole<Guid> { Id = AppRoles.ProducerId, Name = AppRoles.Producer, NormalizedName = "PRODUCER", ConcurrencyStamp = "producer" });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasIndex(u => u.CreatedAt);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(20).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(128).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionViewerConfiguration : IEntityTypeConfiguration<SessionViewer>
{
    public void Configure(EntityTypeBuilder<SessionViewer> builder)
    {
        builder.ToTable("SessionViewers");
        builder.HasKey(v => new { v.SessionId, v.UserId });
        builder.HasIndex(v => v.UserId);
        builder.HasOne<Session>().WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
