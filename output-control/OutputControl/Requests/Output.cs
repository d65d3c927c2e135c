namespace OutputControl.Requests;

/// <summary>Something a researcher wants to take out: a <see cref="TableOutput"/> or a <see cref="ModelOutput"/>.</summary>
public abstract record Output;
