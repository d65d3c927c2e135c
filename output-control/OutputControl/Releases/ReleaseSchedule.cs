namespace OutputControl.Releases;

/// <summary>
/// How many releases a year there are, evenly over the year (four by default: quarters). An output approved on a day
/// goes into the release of the period holding that day; the period's last day is the release date.
/// </summary>
public sealed record ReleaseSchedule
{
    /// <summary>Four releases a year, one per quarter.</summary>
    public static readonly ReleaseSchedule Quarterly = new(4);

    /// <summary>Creates a schedule; <paramref name="releasesPerYear"/> must divide the twelve months (1, 2, 3, 4, 6, 12).</summary>
    public ReleaseSchedule(int releasesPerYear)
    {
        if (releasesPerYear is not (1 or 2 or 3 or 4 or 6 or 12))
        {
            throw new ArgumentOutOfRangeException(nameof(releasesPerYear), releasesPerYear,
                "releases per year must divide the year into whole months: 1, 2, 3, 4, 6 or 12");
        }
        ReleasesPerYear = releasesPerYear;
    }

    /// <summary>How many releases a year.</summary>
    public int ReleasesPerYear { get; }

    /// <summary>The release period holding <paramref name="day"/>.</summary>
    public ReleasePeriod PeriodOf(DateOnly day)
    {
        var months = 12 / ReleasesPerYear;
        var index = (day.Month - 1) / months; // 0-based
        var first = new DateOnly(day.Year, index * months + 1, 1);
        var last = first.AddMonths(months).AddDays(-1);
        var letter = ReleasesPerYear switch
        {
            2 => "H",
            3 => "T",
            4 => "Q",
            6 => "B",
            12 => "M",
            _ => "",
        };
        var version = ReleasesPerYear == 1 ? $"{day.Year}" : $"{day.Year}-{letter}{index + 1}";
        return new ReleasePeriod(version, first, last);
    }
}
