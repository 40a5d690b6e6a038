using HighServiceDashboard.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Key).HasMaxLength(32);
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.NameEn).HasMaxLength(200);
        builder.OwnsOne(f => f.Preamble, p =>
        {
            p.Property(x => x.Code).HasMaxLength(8).HasColumnName("PreambleCode");
            p.Property(x => x.Title).HasMaxLength(200).HasColumnName("PreambleTitle");
            p.Property(x => x.Text).HasMaxLength(1000).HasColumnName("PreambleText");
        });
        builder.Ignore(f => f.SubItems);
        builder.HasMany(f => f.Pillars).WithOne(p => p.Framework).HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PillarConfiguration : IEntityTypeConfiguration<Pillar>
{
    public void Configure(EntityTypeBuilder<Pillar> builder)
    {
        builder.HasIndex(p => new { p.FrameworkId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.HasMany(p => p.SubItems).WithOne(s => s.Pillar).HasForeignKey(s => s.PillarId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubItemConfiguration : IEntityTypeConfiguration<SubItem>
{
    public void Configure(EntityTypeBuilder<SubItem> builder)
    {
        builder.HasIndex(s => new { s.PillarId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(8);
        builder.Property(s => s.Text).HasMaxLength(1000);
    }
}
