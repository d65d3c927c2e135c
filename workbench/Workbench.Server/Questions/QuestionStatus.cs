namespace Workbench.Server.Questions;

/// <summary>
/// Where a research question stands. Stored by name; the names are frozen: new statuses go at the end, and into
/// <see cref="QuestionLifecycle.Transitions"/> and <see cref="QuestionLifecycle.Actors"/>. The output stages after
/// <see cref="ProjectStarted"/> are moved by the system when an output of the question's project is submitted,
/// released or retracted (<see cref="QuestionChanges.TrackOutputAsync"/>), in the output's own transaction.
/// </summary>
public enum QuestionStatus
{
    /// <summary>Being written; seen only by requesters of its organisation, changed freely.</summary>
    Draft,

    /// <summary>Submitted; the assessment round is open and nobody has scored yet.</summary>
    Submitted,

    /// <summary>The round is open and at least one steering member has scored.</summary>
    InAssessment,

    /// <summary>The round closed (every member scored, or the chair closed it); scores are visible; awaiting the chair's decision.</summary>
    Assessed,

    /// <summary>The chair accepted it; an Admin completes the project drafted from it.</summary>
    Accepted,

    /// <summary>The chair parked it: assessed, not now; the chair may accept or reject it later.</summary>
    Parked,

    /// <summary>The chair rejected it, with a reason the requester sees. Final.</summary>
    Rejected,

    /// <summary>An Admin created the project that answers it.</summary>
    ProjectStarted,

    /// <summary>An output of its project was submitted for review (recorded for the first such output).</summary>
    OutputInReview,

    /// <summary>An output of its project was released into a dashboard release (the release is in the track).</summary>
    Released,

    /// <summary>Every released output of its project was retracted; a later output may be reviewed and released again.</summary>
    Retracted,
}

/// <summary>What happened to an output of a question's project, as far as the question's track is concerned.</summary>
public enum OutputStep
{
    Submitted,
    Released,
    Retracted,
}

/// <summary>Who moves a question from one status to the next.</summary>
public enum QuestionActor
{
    /// <summary>A Requester of the question's organisation.</summary>
    Requester,

    /// <summary>A steering-group member, by scoring.</summary>
    SteeringMember,

    /// <summary>The steering group's chair.</summary>
    Chair,

    /// <summary>An Admin, by creating the project.</summary>
    Admin,

    /// <summary>The server itself: the round closes when the last member has scored; outputs move the question on.</summary>
    System,
}

/// <summary>The chair's decision on an assessed (or parked) question.</summary>
public enum QuestionDecision
{
    Accept,
    Park,
    Reject,
}
