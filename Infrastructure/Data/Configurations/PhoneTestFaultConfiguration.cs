using HighServiceDashboard.Domain.PhoneTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class PhoneTestFaultConfiguration : IEntityTypeConfiguration<PhoneTestFault>
{
    public void Configure(EntityTypeBuilder<PhoneTestFault> builder)
    {
        builder.HasKey(f => new { f.PhoneTestId, f.PhoneFaultId });
        builder.HasOne(f => f.Fault).WithMany().HasForeignKey(f => f.PhoneFaultId).OnDelete(DeleteBehavior.Restrict);
    }
}
