using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workbench.Server.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    /// <summary>The agencies of the Zicht op Ondermijning partnership, present in every installation.</summary>
    internal static readonly Organisation[] Agencies =
    [
        new() { Id = "CBS", Name = "Centraal Bureau voor de Statistiek", Kind = OrganisationKind.StatisticsOffice },
        new() { Id = "BD", Name = "Belastingdienst", Kind = OrganisationKind.TaxAuthority },
        new() { Id = "POLITIE", Name = "Nationale Politie", Kind = OrganisationKind.Police },
        new() { Id = "JENV", Name = "Ministerie van Justitie en Veiligheid", Kind = OrganisationKind.Ministry },
        new() { Id = "BZK", Name = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", Kind = OrganisationKind.Ministry },
        new() { Id = "GM0363", Name = "Gemeente Amsterdam", Kind = OrganisationKind.Municipality },
        new() { Id = "GM0599", Name = "Gemeente Rotterdam", Kind = OrganisationKind.Municipality },
    ];

    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("organisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Id).HasMaxLength(32);
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        organisation.HasData(Agencies);
    }
}
