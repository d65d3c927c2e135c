namespace OutputControl.Review;

/// <summary>Whose move it is in a status.</summary>
public enum StateOwner
{
    /// <summary>The author must act (edit, submit or withdraw).</summary>
    Author,

    /// <summary>The output checkers must vote.</summary>
    Checkers,

    /// <summary>The system must act (release).</summary>
    System,

    /// <summary>A final status: nobody acts any more.</summary>
    Nobody,
}
