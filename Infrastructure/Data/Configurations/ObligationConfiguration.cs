using HighServiceDashboard.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.Property(o => o.Key).HasMaxLength(100);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.MilestoneKey).HasMaxLength(60);
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.UnitName).HasMaxLength(100);
        builder.Property(o => o.Resolution).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ResolvedBy).HasMaxLength(100);
        builder.Property(o => o.Evidence).HasMaxLength(500);
        builder.Property(o => o.WaiverReason).HasMaxLength(500);
        builder.HasIndex(o => new { o.AgencyId, o.RocYear, o.Key }).IsUnique();
        builder.HasIndex(o => new { o.RocYear, o.DueOn });
        builder.HasOne(o => o.Agency).WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.IsSettled);
    }
}
