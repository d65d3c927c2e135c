using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Worker.Tests.Language;

public sealed class CompletenessTests
{
    [Theory]
    [InlineData("1 + 1")]
    [InlineData("var x = 3;")]
    [InlineData("for (var i = 0; i < 3; i++) { }")]
    [InlineData("#!who")]
    [InlineData("")]
    public void Check_CompleteCode_IsComplete(string code) => Assert.Equal(CompletenessStatus.Complete, Completeness.Check(code));

    [Theory]
    [InlineData("for (var i = 0; i < 3; i++) {")]
    [InlineData("Math.Max(1,")]
    [InlineData("var s = \"\"\"\nraw")]
    public void Check_OpenAtTheEnd_IsIncomplete(string code) => Assert.Equal(CompletenessStatus.Incomplete, Completeness.Check(code));

    [Theory]
    [InlineData("var = ;")]
    [InlineData("1 +* ;")]
    public void Check_ErrorBeforeTheEnd_IsInvalid(string code) => Assert.Equal(CompletenessStatus.Invalid, Completeness.Check(code));
}
