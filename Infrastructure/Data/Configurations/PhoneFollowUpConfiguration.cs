using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneFollowUpConfiguration : IEntityTypeConfiguration<PhoneFollowUp>
{
    public void Configure(EntityTypeBuilder<PhoneFollowUp> builder)
    {
        builder.Property(f => f.Analysis).HasMaxLength(2000);
        builder.Property(f => f.Improvement).HasMaxLength(2000);
        builder.Property(f => f.AnsweredBy).HasMaxLength(100);
        builder.HasIndex(f => f.PhoneTestId).IsUnique();
        builder.HasIndex(f => f.AgencyId);
        builder.Ignore(f => f.IsAnswered);
    }
}
