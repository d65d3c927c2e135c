namespace OutputControl.Review;

/// <summary>
/// Someone acting on an output request: their user id, whether they hold the organisation's OutputChecker role, and
/// the facts about them in the output's project that the server knows (both false unless it says so: a participant
/// it knows nothing about may not review).
/// </summary>
public readonly record struct Participant(string UserId, bool IsOutputChecker)
{
    /// <summary>Assigned to the output's project as one of its output checkers.</summary>
    public bool ChecksProject { get; init; }

    /// <summary>A data scientist of the output's project (who never reviews its outputs, whatever else they are).</summary>
    public bool AnalysesProject { get; init; }
}
