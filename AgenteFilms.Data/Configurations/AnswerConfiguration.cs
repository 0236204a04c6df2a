using AgenteFilms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgenteFilms.Data.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("Answers");
        builder.Property(a => a.Agent).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Content).IsRequired();
        builder.Property(a => a.Model).HasMaxLength(200);
        builder.Property(a => a.CostUsd).HasPrecision(18, 6);
        builder.HasIndex(a => new { a.SessionId, a.CreatedAt });
        builder.HasIndex(a => a.RunId);
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
