using HighServiceDashboard.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(60);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.Property(m => m.Binds).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.BoundLevels).HasConversion<int>();
        builder.HasIndex(m => new { m.RocYear, m.Key }).IsUnique();
        builder.Ignore(m => m.IsDefault);
        builder.Ignore(m => m.GregorianYear);
    }
}
