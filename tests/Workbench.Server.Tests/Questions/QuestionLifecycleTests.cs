using Workbench.Server.Questions;

namespace Workbench.Server.Tests.Questions;

public class QuestionLifecycleTests
{
    /// <summary>The allowed steps, written out independently of the tables they check.</summary>
    private static readonly HashSet<(QuestionStatus, QuestionStatus, QuestionActor)> Allowed =
    [
        (QuestionStatus.Draft, QuestionStatus.Submitted, QuestionActor.Requester),
        (QuestionStatus.Submitted, QuestionStatus.InAssessment, QuestionActor.SteeringMember),
        (QuestionStatus.InAssessment, QuestionStatus.Assessed, QuestionActor.Chair),
        (QuestionStatus.InAssessment, QuestionStatus.Assessed, QuestionActor.System),
        (QuestionStatus.Assessed, QuestionStatus.Accepted, QuestionActor.Chair),
        (QuestionStatus.Assessed, QuestionStatus.Parked, QuestionActor.Chair),
        (QuestionStatus.Assessed, QuestionStatus.Rejected, QuestionActor.Chair),
        (QuestionStatus.Parked, QuestionStatus.Accepted, QuestionActor.Chair),
        (QuestionStatus.Parked, QuestionStatus.Rejected, QuestionActor.Chair),
        (QuestionStatus.Accepted, QuestionStatus.ProjectStarted, QuestionActor.Admin),
        (QuestionStatus.ProjectStarted, QuestionStatus.OutputInReview, QuestionActor.System),
        (QuestionStatus.OutputInReview, QuestionStatus.Released, QuestionActor.System),
        (QuestionStatus.Released, QuestionStatus.Retracted, QuestionActor.System),
        (QuestionStatus.Retracted, QuestionStatus.OutputInReview, QuestionActor.System),
        (QuestionStatus.Retracted, QuestionStatus.Released, QuestionActor.System),
    ];

    /// <summary>Where each output step takes a question, written out independently; absent = it stays.</summary>
    private static readonly Dictionary<(QuestionStatus, OutputStep, bool OthersPublic), QuestionStatus> AfterOutput = new()
    {
        [(QuestionStatus.ProjectStarted, OutputStep.Submitted, false)] = QuestionStatus.OutputInReview,
        [(QuestionStatus.ProjectStarted, OutputStep.Submitted, true)] = QuestionStatus.OutputInReview,
        [(QuestionStatus.Retracted, OutputStep.Submitted, false)] = QuestionStatus.OutputInReview,
        [(QuestionStatus.Retracted, OutputStep.Submitted, true)] = QuestionStatus.OutputInReview,
        [(QuestionStatus.OutputInReview, OutputStep.Released, false)] = QuestionStatus.Released,
        [(QuestionStatus.OutputInReview, OutputStep.Released, true)] = QuestionStatus.Released,
        [(QuestionStatus.Retracted, OutputStep.Released, false)] = QuestionStatus.Released,
        [(QuestionStatus.Retracted, OutputStep.Released, true)] = QuestionStatus.Released,
        [(QuestionStatus.Released, OutputStep.Retracted, false)] = QuestionStatus.Retracted,
    };

    public static TheoryData<QuestionStatus, OutputStep, bool> EveryOutputStep()
    {
        var data = new TheoryData<QuestionStatus, OutputStep, bool>();
        foreach (var from in Enum.GetValues<QuestionStatus>())
            foreach (var step in Enum.GetValues<OutputStep>())
                foreach (var others in new[] { false, true })
                    data.Add(from, step, others);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOutputStep))]
    public void StatusAfter_EveryOutputStep_MovesOnlyAsWrittenAndOnlyAlongTheTableAsSystem(QuestionStatus from, OutputStep step, bool othersPublic)
    {
        var after = QuestionLifecycle.StatusAfter(from, step, othersPublic);

        Assert.Equal(AfterOutput.TryGetValue((from, step, othersPublic), out var expected) ? expected : null, after);
        if (after is { } to)
        {
            Assert.True(QuestionLifecycle.CanTransition(from, to, QuestionActor.System));
        }
    }

    public static TheoryData<QuestionStatus, QuestionStatus, QuestionActor> EveryStep()
    {
        var data = new TheoryData<QuestionStatus, QuestionStatus, QuestionActor>();
        foreach (var from in Enum.GetValues<QuestionStatus>())
            foreach (var to in Enum.GetValues<QuestionStatus>())
                foreach (var actor in Enum.GetValues<QuestionActor>())
                    data.Add(from, to, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void TransitionTo_EveryStatusPairAndActor_AllowsExactlyTheTable(QuestionStatus from, QuestionStatus to, QuestionActor actor)
    {
        if (Allowed.Contains((from, to, actor)))
        {
            Assert.Equal(to, QuestionLifecycle.TransitionTo(from, to, actor));
            Assert.True(QuestionLifecycle.CanTransition(from, to, actor));
        }
        else
        {
            var e = Assert.Throws<InvalidStateTransitionException>(() => QuestionLifecycle.TransitionTo(from, to, actor));
            Assert.Contains($"from {from} to {to}", e.Message, StringComparison.Ordinal);
            Assert.False(QuestionLifecycle.CanTransition(from, to, actor));
        }
    }

    [Fact]
    public void Transitions_EveryStatus_HasARowAndEveryStepAnOwner()
    {
        Assert.Equal(Enum.GetValues<QuestionStatus>().Order(), QuestionLifecycle.Transitions.Keys.Order());
        foreach (var (from, next) in QuestionLifecycle.Transitions)
            foreach (var to in next)
                Assert.NotEmpty(QuestionLifecycle.Actors[(from, to)]);
        Assert.All(QuestionLifecycle.Actors.Keys, step => Assert.Contains(step.To, QuestionLifecycle.Transitions[step.From]));
    }

    [Fact]
    public void Transitions_EveryStatus_IsReachableFromDraft()
    {
        var reached = new HashSet<QuestionStatus> { QuestionStatus.Draft };
        var queue = new Queue<QuestionStatus>(reached);
        while (queue.TryDequeue(out var status))
            foreach (var next in QuestionLifecycle.Transitions[status].Where(reached.Add))
                queue.Enqueue(next);
        Assert.Equal(Enum.GetValues<QuestionStatus>().Order(), reached.Order());
    }

    [Fact]
    public void TransitionTo_WrongActor_NamesWhoMay()
    {
        var e = Assert.Throws<InvalidStateTransitionException>(() =>
            QuestionLifecycle.TransitionTo(QuestionStatus.Assessed, QuestionStatus.Accepted, QuestionActor.SteeringMember));
        Assert.Equal("a SteeringMember cannot change status from Assessed to Accepted; that is for: Chair", e.Message);
    }

    [Theory]
    [InlineData(QuestionDecision.Accept, QuestionStatus.Accepted)]
    [InlineData(QuestionDecision.Park, QuestionStatus.Parked)]
    [InlineData(QuestionDecision.Reject, QuestionStatus.Rejected)]
    public void StatusAfter_Decision_IsItsStatus(QuestionDecision decision, QuestionStatus status) =>
        Assert.Equal(status, QuestionLifecycle.StatusAfter(decision));
}
