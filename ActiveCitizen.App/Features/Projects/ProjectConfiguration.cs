using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Projects;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.HasIndex(project => project.Slug).IsUnique();
        builder.Property(project => project.Slug).HasMaxLength(ProjectLimits.SlugMaxLength).IsRequired();
        builder.ComplexProperty(project => project.Title, text =>
        {
            text.Property(t => t.En).HasMaxLength(ProjectLimits.TitleMaxLength);
            text.Property(t => t.Ru).HasMaxLength(ProjectLimits.TitleMaxLength);
        });
        builder.ComplexProperty(project => project.Summary, text =>
        {
            text.Property(t => t.En).HasMaxLength(ProjectLimits.SummaryMaxLength);
            text.Property(t => t.Ru).HasMaxLength(ProjectLimits.SummaryMaxLength);
        });
        builder.ComplexProperty(project => project.Description, text =>
        {
            text.Property(t => t.En).HasMaxLength(ProjectLimits.DescriptionMaxLength);
            text.Property(t => t.Ru).HasMaxLength(ProjectLimits.DescriptionMaxLength);
        });
        builder.Property(project => project.Version).IsConcurrencyToken();
        builder.HasMany(project => project.Phases).WithOne().HasForeignKey(phase => phase.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(project => project.Categories).WithOne().HasForeignKey(category => category.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectPhaseConfiguration : IEntityTypeConfiguration<ProjectPhase>
{
    public void Configure(EntityTypeBuilder<ProjectPhase> builder)
    {
        builder.ToTable("ProjectPhases");
        builder.Property(phase => phase.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(phase => new { phase.ProjectId, phase.StartsAt });
    }
}

public sealed class ProjectCategoryConfiguration : IEntityTypeConfiguration<ProjectCategory>
{
    public void Configure(EntityTypeBuilder<ProjectCategory> builder)
    {
        builder.ToTable("ProjectCategories");
        builder.ComplexProperty(category => category.Name, text =>
        {
            text.Property(t => t.En).HasMaxLength(ProjectLimits.CategoryMaxLength);
            text.Property(t => t.Ru).HasMaxLength(ProjectLimits.CategoryMaxLength);
        });
    }
}
