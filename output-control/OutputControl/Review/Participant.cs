namespace OutputControl.Review;

/// <summary>Someone acting on an output request: their user id and whether they hold the OutputChecker role.</summary>
public readonly record struct Participant(string UserId, bool IsOutputChecker);
