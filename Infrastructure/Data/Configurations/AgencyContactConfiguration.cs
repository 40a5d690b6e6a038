using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class AgencyContactConfiguration : IEntityTypeConfiguration<AgencyContact>
{
    public void Configure(EntityTypeBuilder<AgencyContact> builder)
    {
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.HasIndex(c => new { c.AgencyId, c.Role }).IsUnique();
        builder.HasIndex(c => c.Email);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
