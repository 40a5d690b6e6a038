using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneTestScoreConfiguration : IEntityTypeConfiguration<PhoneTestScore>
{
    public void Configure(EntityTypeBuilder<PhoneTestScore> builder)
    {
        builder.HasIndex(s => new { s.PhoneTestId, s.RubricItemId }).IsUnique();
        builder.HasOne(s => s.RubricItem).WithMany().HasForeignKey(s => s.RubricItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
