using HighServiceDashboard.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.NameEn).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Level).HasConversion<int>();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.ParentId);
        builder.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Units).WithOne(u => u.Agency).HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsRetired);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.HasIndex(u => new { u.AgencyId, u.Name }).IsUnique();
        builder.Ignore(u => u.IsRetired);
    }
}
