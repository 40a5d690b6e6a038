using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneTestConfiguration : IEntityTypeConfiguration<PhoneTest>
{
    public void Configure(EntityTypeBuilder<PhoneTest> builder)
    {
        builder.Property(t => t.Round).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Grade).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.UnitName).HasMaxLength(100);
        builder.Property(t => t.Number).HasMaxLength(50);
        builder.Property(t => t.Tester).HasMaxLength(50);
        builder.Property(t => t.Notes).HasMaxLength(1000);
        builder.Property(t => t.RecordedBy).HasMaxLength(100);
        builder.HasIndex(t => new { t.RocYear, t.Round });
        builder.HasIndex(t => new { t.AgencyId, t.CalledAt });
        builder.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // A rubric that scored a test is kept: the test's total is read against it.
        builder.HasOne(t => t.Rubric).WithMany().HasForeignKey(t => t.RubricId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Scores).WithOne().HasForeignKey(s => s.PhoneTestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Faults).WithOne().HasForeignKey(f => f.PhoneTestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.FollowUp).WithOne(f => f.PhoneTest).HasForeignKey<PhoneFollowUp>(f => f.PhoneTestId).OnDelete(DeleteBehavior.Cascade);
    }
}
