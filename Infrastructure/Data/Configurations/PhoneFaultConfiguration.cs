using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneFaultConfiguration : IEntityTypeConfiguration<PhoneFault>
{
    public void Configure(EntityTypeBuilder<PhoneFault> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(60);
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.NameEn).HasMaxLength(200);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Ignore(f => f.IsRetired);
    }
}
