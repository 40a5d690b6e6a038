using HighServiceDashboard.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighServiceDashboard.Infrastructure.Data.Configurations;

internal sealed class AnnualResultsConfiguration : IEntityTypeConfiguration<AnnualResults>
{
    public void Configure(EntityTypeBuilder<AnnualResults> builder)
    {
        builder.HasIndex(r => new { r.AgencyId, r.RocYear }).IsUnique();
        builder.HasIndex(r => new { r.RocYear, r.Status });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(Domain.Results.ResultsMessages.MaxSummaryLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.LastSubmitter);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ResultsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ResultsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.StatusChanges).WithOne().HasForeignKey(c => c.ResultsId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultItemConfiguration : IEntityTypeConfiguration<ResultItem>
{
    public void Configure(EntityTypeBuilder<ResultItem> builder)
    {
        builder.HasIndex(i => new { i.ResultsId, i.SubItemCode }).IsUnique();
        builder.Property(i => i.SubItemCode).HasMaxLength(8);
        builder.Property(i => i.Achievement).HasMaxLength(Domain.Results.ResultsMessages.MaxAchievementLength);
        builder.Property(i => i.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class ResultsAttachmentConfiguration : IEntityTypeConfiguration<ResultsAttachment>
{
    public void Configure(EntityTypeBuilder<ResultsAttachment> builder)
    {
        builder.HasIndex(a => a.ResultsId);
        builder.Property(a => a.SubItemCode).HasMaxLength(8);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StoredName).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
    }
}

internal sealed class ResultsStatusChangeConfiguration : IEntityTypeConfiguration<ResultsStatusChange>
{
    public void Configure(EntityTypeBuilder<ResultsStatusChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.By).HasMaxLength(200);
        builder.Property(c => c.Comment).HasMaxLength(2000);
    }
}
