using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneRubricConfiguration : IEntityTypeConfiguration<PhoneRubric>
{
    public void Configure(EntityTypeBuilder<PhoneRubric> builder)
    {
        builder.Property(r => r.Round).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.RocYear, r.Round, r.Version }).IsUnique();
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RubricId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.MaxTotal);
        builder.Ignore(r => r.Ordered);
    }
}
