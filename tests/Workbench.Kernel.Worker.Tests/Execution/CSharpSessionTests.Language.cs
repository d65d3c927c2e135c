namespace Workbench.Kernel.Worker.Tests.Execution;

[Collection(SharedSession.Name)]
public sealed class CSharpSessionLanguageTests(SessionFixture fixture)
{
    [Fact]
    public async Task Complete_MemberPrefix_OnlyMatchingNamesWithoutSnippets()
    {
        var completions = await fixture.Session.CompleteAsync("Console.WriteL", 14, CancellationToken.None);

        Assert.Equal(["WriteLine"], completions.Matches.Select(m => m.Text));
        Assert.Equal(8, completions.CursorStart);
        Assert.Equal(14, completions.CursorEnd);
    }

    [Fact]
    public async Task Complete_EmptyPrefixAfterDot_NoMatchCarriesSnippetSyntax()
    {
        var completions = await fixture.Session.CompleteAsync("Console.", 8, CancellationToken.None);

        Assert.Contains(completions.Matches, m => m.Text == "Beep" && m.Kind == "Method");
        Assert.DoesNotContain(completions.Matches, m => m.Text.Contains('$', StringComparison.Ordinal) || m.Text.Contains('(', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_AfterAnEmoji_CursorPositionsCountCodePoints()
    {
        // "🙂" is one code point but two UTF-16 units: the word "Math.Ma" ends at code point 15, not 16.
        const string code = "var s = \"🙂\";\nMath.Ma";

        var completions = await fixture.Session.CompleteAsync(code, 20, CancellationToken.None);

        Assert.Contains(completions.Matches, m => m.Text == "Max");
        Assert.Equal(18, completions.CursorStart);
        Assert.Equal(20, completions.CursorEnd);
    }

    [Fact]
    public async Task Inspect_CursorAfterMethodName_FindsItsDocumentation()
    {
        var inspection = await fixture.Session.InspectAsync("Console.WriteLine", 17, CancellationToken.None);

        Assert.True(inspection.Found);
        Assert.Contains("Console.WriteLine", inspection.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_NameDefinedInAnEarlierCell_IsOffered()
    {
        await fixture.Session.ExecuteAsync("var suspectsPerBuurt = new Dictionary<string, int>();", new RecordingSink(), CancellationToken.None);

        var completions = await fixture.Session.CompleteAsync("suspectsPer", 11, CancellationToken.None);
        var members = await fixture.Session.CompleteAsync("suspectsPerBuurt.ContainsK", 26, CancellationToken.None);

        Assert.Contains(completions.Matches, m => m.Text == "suspectsPerBuurt");
        Assert.Equal(["ContainsKey"], members.Matches.Select(m => m.Text));
    }

    [Fact]
    public async Task Inspect_FrameworkMethod_ShowsItsDocumentation()
    {
        var inspection = await fixture.Session.InspectAsync("Math.Max", 8, CancellationToken.None);

        Assert.True(inspection.Found);
        Assert.Contains("Returns the larger of two", inspection.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_Whitespace_FindsNothing()
    {
        var inspection = await fixture.Session.InspectAsync("   ", 1, CancellationToken.None);

        Assert.False(inspection.Found);
    }
}
