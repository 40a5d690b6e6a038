using HighServiceDashboard.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Recipients).HasConversion<int>();
        // The one guarantee that an alert is raised once, whatever runs at the same time.
        builder.HasIndex(a => new { a.ObligationId, a.Kind }).IsUnique();
        builder.HasIndex(a => a.RaisedOn);
        builder.HasOne(a => a.Obligation).WithMany().HasForeignKey(a => a.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Deliveries).WithOne(d => d.Alert).HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reads).WithOne(r => r.Alert).HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertReadConfiguration : IEntityTypeConfiguration<AlertRead>
{
    public void Configure(EntityTypeBuilder<AlertRead> builder)
    {
        builder.HasKey(r => new { r.AlertId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasIndex(r => r.UserId);
    }
}
