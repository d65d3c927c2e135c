namespace Workbench.Microdata.Generation;

/// <summary>What to generate: population size, seed, reference date and network density.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Smallest population the generator accepts: below it the national structure is mostly empty.</summary>
    public const int MinimumPersons = 1000;

    /// <summary>Largest population (the BSN space and 32-bit indices allow more; this is the national scale).</summary>
    public const int MaximumPersons = 30_000_000;

    /// <summary>Smallest and largest accepted <see cref="AverageDegree"/>.</summary>
    public const double MinimumDegree = 5, MaximumDegree = 200;

    /// <summary>Number of persons to generate (at least <see cref="MinimumPersons"/>).</summary>
    public required int Persons { get; init; }

    /// <summary>Seed of every random stream; the same options always give byte-identical files.</summary>
    public required int Seed { get; init; }

    /// <summary>Reference date of the delivery (the population on this date; crime in the years before it).</summary>
    public DateOnly ReferenceDate { get; init; } = new(2025, 12, 31);

    /// <summary>Target average number of network links per person, over all layers.</summary>
    public double AverageDegree { get; init; } = 25;

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (Persons is < MinimumPersons or > MaximumPersons)
            throw new ArgumentException(
                $"Persons must be between {MinimumPersons} and {MaximumPersons}, was {Persons}", nameof(Persons));
        if (double.IsNaN(AverageDegree) || AverageDegree < MinimumDegree || AverageDegree > MaximumDegree)
            throw new ArgumentException(
                $"AverageDegree must be between {MinimumDegree} and {MaximumDegree}, was {AverageDegree}", nameof(AverageDegree));
        if (ReferenceDate.Year is < 1990 or > 2030)
            throw new ArgumentException($"ReferenceDate must lie in 1990..2030, was {ReferenceDate:yyyy-MM-dd}", nameof(ReferenceDate));
    }
}
