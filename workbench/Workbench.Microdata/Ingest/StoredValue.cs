namespace Workbench.Microdata.Ingest;

/// <summary>
/// One converted value on its way to the appender: numbers (keys, years, yyyymm months, flags as 0/1) in
/// <see cref="Number"/>, strings in <see cref="Text"/>.
/// </summary>
internal struct StoredValue
{
    public long Number;
    public string? Text;
    public bool IsNull;
}
