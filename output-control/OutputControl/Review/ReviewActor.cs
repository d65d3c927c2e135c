namespace OutputControl.Review;

/// <summary>Who makes a transition: the output's author, an output checker, or the system itself.</summary>
public enum ReviewActor
{
    /// <summary>The data scientist who submitted the output.</summary>
    Author,

    /// <summary>An output checker who is not the author.</summary>
    Checker,

    /// <summary>The server, concluding a review or releasing an approved output.</summary>
    System,
}
