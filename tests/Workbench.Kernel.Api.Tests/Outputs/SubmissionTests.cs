using System.Text.Json;
using OutputControl;
using Workbench.Api;
using Workbench.Server.Outputs;

namespace Workbench.Kernel.Api.Tests.Outputs;

public sealed class SubmissionTests
{
    private static TableRequest Table() => Output.Table(Frames.TwoMunicipalities()).By("gemeente").By("sex").Sum("income", "person_id").Build();

    [Fact]
    public async Task SubmitAsync_Table_ServerTypesAcceptTheBody()
    {
        var transport = new RecordingTransport();

        var submitted = await Table().SubmitAsync(transport, " Income by municipality ", "Sum of personal income per gemeente and sex", "Nothing unusual");

        var body = Assert.Single(transport.Bodies);
        // Read exactly as ASP.NET reads the endpoint's body: the server's own record, web defaults.
        var parsed = JsonSerializer.Deserialize<OutputSubmission>(body, JsonSerializerOptions.Web)!;
        parsed.Validate();
        Assert.Equal("Income by municipality", parsed.Title);
        Assert.Equal("Sum of personal income per gemeente and sex", parsed.Description);
        Assert.Equal("Nothing unusual", parsed.Justification);
        Assert.True(parsed.Submit);
        Assert.Equal(OutputChecker.Check(Table().Json).Verdict, OutputChecker.Check(parsed.Request.GetRawText()).Verdict);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(Table().Json)), JsonSerializer.Serialize(parsed.Request));
        Assert.Equal(new SubmittedOutput("O-2026-0042", "Submitted", "Protected"), submitted);
    }

    [Fact]
    public void Body_Json_HasExactlyTheServersFields()
    {
        var body = OutputSubmissionBody.Create(Table().Json, "t", "how it was made", "none", submit: false);

        using var json = JsonDocument.Parse(body.ToJson());

        Assert.Equal(["request", "title", "description", "justification", "submit"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var serverFields = typeof(OutputSubmission).GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
        Assert.Equal(serverFields, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.False(json.RootElement.GetProperty("submit").GetBoolean());
    }

    [Theory]
    [InlineData("", "how it was made", "none", "title")]
    [InlineData("t", "too short", "none", "description")]
    [InlineData("t", "how it was made", " ", "justification")]
    public async Task SubmitAsync_FieldTheServerWouldRefuse_RefusedBeforeSending(string title, string description, string justification, string field)
    {
        var transport = new RecordingTransport();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Table().SubmitAsync(transport, title, description, justification));

        Assert.Equal(field, e.ParamName);
        Assert.Empty(transport.Bodies);
        var server = new OutputSubmission(JsonDocument.Parse(Table().Json).RootElement, title, description, justification);
        var refused = Assert.Throws<Workbench.Server.Errors.ValidationFailedException>(server.Validate);
        Assert.Contains(field, refused.Errors.Keys);
    }

    [Fact]
    public async Task SubmitAsync_NoOutputChannel_SaysSo()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Table().SubmitAsync("t", "how it was made", "none"));
        Assert.Contains("no output channel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromServerResponse_NotAnOutput_Refused()
    {
        var e = Assert.Throws<OutputSubmissionException>(() => SubmittedOutput.FromServerResponse("""{ "title": "Bad request" }"""));
        Assert.Equal("the server's answer has no 'id'", e.Message);
    }
}
