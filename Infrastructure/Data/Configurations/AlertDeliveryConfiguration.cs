using HighServiceDashboard.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.Property(d => d.Address).HasMaxLength(200);
        builder.Property(d => d.Role).HasConversion<int>();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.MessageId).HasMaxLength(200);
        builder.HasIndex(d => new { d.AlertId, d.Address }).IsUnique();
        builder.HasIndex(d => d.Status);
    }
}
