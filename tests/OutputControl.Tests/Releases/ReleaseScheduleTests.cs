using OutputControl.Releases;

namespace OutputControl.Tests.Releases;

public class ReleaseScheduleTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-03-31", "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-04-01", "2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-11-30", "2026-Q4", "2026-10-01", "2026-12-31")]
    public void PeriodOf_Quarterly_IsTheQuarter(string day, string version, string first, string last)
    {
        var period = ReleaseSchedule.Quarterly.PeriodOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new ReleasePeriod(version, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Theory]
    [InlineData(1, "2026")]
    [InlineData(2, "2026-H2")]
    [InlineData(12, "2026-M11")]
    public void PeriodOf_OtherSchedules_NamesThePeriod(int perYear, string version) =>
        Assert.Equal(version, new ReleaseSchedule(perYear).PeriodOf(new DateOnly(2026, 11, 30)).Version);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(24)]
    public void Constructor_NotDividingTheYear_IsRefused(int perYear) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReleaseSchedule(perYear));
}
