using Workbench.Server.Errors;

namespace Workbench.Server.Questions;

/// <summary>A status change that the lifecycle does not allow, or not for this actor.</summary>
public sealed class InvalidStateTransitionException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override string Title => "Not possible in this status";
}

/// <summary>
/// The lifecycle of a research question as two tables: which status may follow which (<see cref="Transitions"/>), and
/// who may make each step (<see cref="Actors"/>). Pure: no database, no web.
/// </summary>
public static class QuestionLifecycle
{
    public static readonly IReadOnlyDictionary<QuestionStatus, QuestionStatus[]> Transitions = new Dictionary<QuestionStatus, QuestionStatus[]>
    {
        [QuestionStatus.Draft] = [QuestionStatus.Submitted],
        [QuestionStatus.Submitted] = [QuestionStatus.InAssessment],
        [QuestionStatus.InAssessment] = [QuestionStatus.Assessed],
        [QuestionStatus.Assessed] = [QuestionStatus.Accepted, QuestionStatus.Parked, QuestionStatus.Rejected],
        [QuestionStatus.Parked] = [QuestionStatus.Accepted, QuestionStatus.Rejected],
        [QuestionStatus.Accepted] = [QuestionStatus.ProjectStarted],
        [QuestionStatus.Rejected] = [],
        [QuestionStatus.ProjectStarted] = [QuestionStatus.OutputInReview],
        [QuestionStatus.OutputInReview] = [QuestionStatus.Released],
        [QuestionStatus.Released] = [QuestionStatus.Retracted],
        [QuestionStatus.Retracted] = [QuestionStatus.OutputInReview, QuestionStatus.Released],
    };

    /// <summary>Who may make each step of <see cref="Transitions"/>.</summary>
    public static readonly IReadOnlyDictionary<(QuestionStatus From, QuestionStatus To), QuestionActor[]> Actors =
        new Dictionary<(QuestionStatus, QuestionStatus), QuestionActor[]>
        {
            [(QuestionStatus.Draft, QuestionStatus.Submitted)] = [QuestionActor.Requester],
            [(QuestionStatus.Submitted, QuestionStatus.InAssessment)] = [QuestionActor.SteeringMember],
            [(QuestionStatus.InAssessment, QuestionStatus.Assessed)] = [QuestionActor.Chair, QuestionActor.System],
            [(QuestionStatus.Assessed, QuestionStatus.Accepted)] = [QuestionActor.Chair],
            [(QuestionStatus.Assessed, QuestionStatus.Parked)] = [QuestionActor.Chair],
            [(QuestionStatus.Assessed, QuestionStatus.Rejected)] = [QuestionActor.Chair],
            [(QuestionStatus.Parked, QuestionStatus.Accepted)] = [QuestionActor.Chair],
            [(QuestionStatus.Parked, QuestionStatus.Rejected)] = [QuestionActor.Chair],
            [(QuestionStatus.Accepted, QuestionStatus.ProjectStarted)] = [QuestionActor.Admin],
            [(QuestionStatus.ProjectStarted, QuestionStatus.OutputInReview)] = [QuestionActor.System],
            [(QuestionStatus.OutputInReview, QuestionStatus.Released)] = [QuestionActor.System],
            [(QuestionStatus.Released, QuestionStatus.Retracted)] = [QuestionActor.System],
            [(QuestionStatus.Retracted, QuestionStatus.OutputInReview)] = [QuestionActor.System],
            [(QuestionStatus.Retracted, QuestionStatus.Released)] = [QuestionActor.System],
        };

    /// <summary>The statuses in which the round is open: members may score, the requester may revise.</summary>
    public static bool IsRoundOpen(QuestionStatus status) => status is QuestionStatus.Submitted or QuestionStatus.InAssessment;

    /// <summary>The statuses in which the chair may decide.</summary>
    public static bool AwaitsDecision(QuestionStatus status) => status is QuestionStatus.Assessed or QuestionStatus.Parked;

    public static bool CanTransition(QuestionStatus from, QuestionStatus to, QuestionActor actor) =>
        Transitions.TryGetValue(from, out var next) && next.Contains(to)
        && Actors.TryGetValue((from, to), out var actors) && actors.Contains(actor);

    /// <summary>Returns <paramref name="to"/>, or throws with the reason the step is not allowed.</summary>
    public static QuestionStatus TransitionTo(QuestionStatus from, QuestionStatus to, QuestionActor actor)
    {
        if (!Transitions.TryGetValue(from, out var next) || !next.Contains(to))
        {
            throw new InvalidStateTransitionException($"cannot change status from {from} to {to}");
        }
        if (!Actors[(from, to)].Contains(actor))
        {
            throw new InvalidStateTransitionException(
                $"a {actor} cannot change status from {from} to {to}; that is for: {string.Join(", ", Actors[(from, to)])}");
        }
        return to;
    }

    /// <summary>
    /// The status an output step moves a question in <paramref name="from"/> to, or null when the step leaves it where
    /// it is: the first submission moves it to review (later ones, and re-submissions, do not), a release moves a
    /// question in review (or whose releases were all retracted) to Released, and a retraction moves a released one
    /// to Retracted when <paramref name="othersStillPublic"/> is false.
    /// </summary>
    public static QuestionStatus? StatusAfter(QuestionStatus from, OutputStep step, bool othersStillPublic) => (from, step) switch
    {
        (QuestionStatus.ProjectStarted or QuestionStatus.Retracted, OutputStep.Submitted) => QuestionStatus.OutputInReview,
        (QuestionStatus.OutputInReview or QuestionStatus.Retracted, OutputStep.Released) => QuestionStatus.Released,
        (QuestionStatus.Released, OutputStep.Retracted) when !othersStillPublic => QuestionStatus.Retracted,
        _ => null,
    };

    /// <summary>The status a decision leads to.</summary>
    public static QuestionStatus StatusAfter(QuestionDecision decision) => decision switch
    {
        QuestionDecision.Accept => QuestionStatus.Accepted,
        QuestionDecision.Park => QuestionStatus.Parked,
        QuestionDecision.Reject => QuestionStatus.Rejected,
        _ => throw ValidationFailedException.For("decision", $"unknown decision '{decision}': Accept, Park or Reject"),
    };
}
