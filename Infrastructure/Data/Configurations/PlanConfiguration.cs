using HighServiceDashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasIndex(p => new { p.AgencyId, p.RocYear }).IsUnique();
        builder.HasIndex(p => new { p.RocYear, p.Status });
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Framework).WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.FocusPoints).WithOne(f => f.Plan).HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.NotApplicable).WithOne().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Unplaced).WithOne().HasForeignKey(u => u.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.StatusChanges).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Source).WithOne().HasForeignKey<PlanSource>(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FocusPointConfiguration : IEntityTypeConfiguration<FocusPoint>
{
    public void Configure(EntityTypeBuilder<FocusPoint> builder)
    {
        builder.HasIndex(f => new { f.PlanId, f.SubItemCode });
        builder.Property(f => f.SubItemCode).HasMaxLength(8);
        builder.Property(f => f.Title).HasMaxLength(500);
        builder.Property(f => f.GuessReason).HasMaxLength(500);
        builder.Property(f => f.GuessReasonEn).HasMaxLength(500);
        builder.HasMany(f => f.Units).WithOne().HasForeignKey(u => u.FocusPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FocusPointUnitConfiguration : IEntityTypeConfiguration<FocusPointUnit>
{
    public void Configure(EntityTypeBuilder<FocusPointUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotApplicableItemConfiguration : IEntityTypeConfiguration<NotApplicableItem>
{
    public void Configure(EntityTypeBuilder<NotApplicableItem> builder)
    {
        builder.HasIndex(n => new { n.PlanId, n.SubItemCode }).IsUnique();
        builder.Property(n => n.SubItemCode).HasMaxLength(8);
        builder.Property(n => n.Reason).HasMaxLength(1000);
    }
}

internal sealed class UnplacedTextConfiguration : IEntityTypeConfiguration<UnplacedText>
{
    public void Configure(EntityTypeBuilder<UnplacedText> builder) => builder.HasIndex(u => new { u.PlanId, u.Order });
}

internal sealed class PlanStatusChangeConfiguration : IEntityTypeConfiguration<PlanStatusChange>
{
    public void Configure(EntityTypeBuilder<PlanStatusChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.By).HasMaxLength(200);
        builder.Property(c => c.Comment).HasMaxLength(2000);
    }
}

internal sealed class PlanSourceConfiguration : IEntityTypeConfiguration<PlanSource>
{
    public void Configure(EntityTypeBuilder<PlanSource> builder)
    {
        builder.Property(s => s.FileName).HasMaxLength(260);
        builder.Property(s => s.ContentType).HasMaxLength(100);
    }
}
