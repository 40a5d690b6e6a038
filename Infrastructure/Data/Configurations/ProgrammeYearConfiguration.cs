using HighServiceDashboard.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class ProgrammeYearConfiguration : IEntityTypeConfiguration<ProgrammeYear>
{
    public void Configure(EntityTypeBuilder<ProgrammeYear> builder)
    {
        builder.HasKey(y => y.RocYear);
        builder.Property(y => y.RocYear).ValueGeneratedNever();
        builder.HasOne(y => y.Framework).WithMany().HasForeignKey(y => y.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}
