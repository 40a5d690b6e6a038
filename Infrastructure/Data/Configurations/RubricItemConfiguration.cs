using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class RubricItemConfiguration : IEntityTypeConfiguration<RubricItem>
{
    public void Configure(EntityTypeBuilder<RubricItem> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(60);
        builder.Property(i => i.Group).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.HasIndex(i => new { i.RubricId, i.Key }).IsUnique();
    }
}
