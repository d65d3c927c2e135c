using Workbench.Kernel.Worker.Lockdown;

namespace Workbench.Kernel.Worker.Tests.Lockdown;

public sealed class SubmissionPolicyTests
{
    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "line 1: NuGet packages cannot be added")]
    [InlineData("var a = 1;\n#i \"nuget: https://feed\"", "line 2: package sources (#i)")]
    [InlineData("  #!pwsh\nls", "line 1: magic commands (#!pwsh)")]
    [InlineData("#!set --name x --value 1", "line 1: magic commands (#!set)")]
    [InlineData("#r \"/tmp/evil.dll\"", "line 1: assembly references (#r) are not allowed")]
    [InlineData("// first\n#load \"helper.csx\"", "line 2: loading script files (#load)")]
    public void Refusal_DirectiveThatReachesOut_SaysWhichAndWhy(string code, string expected) =>
        Assert.StartsWith(expected, SubmissionPolicy.Refusal(code), StringComparison.Ordinal);

    [Theory]
    [InlineData("var text = \"#r is how you reference\";")]
    [InlineData("Console.WriteLine(\"#!pwsh\");")]
    [InlineData("1 + 1")]
    public void Refusal_OrdinaryCode_IsNull(string code) => Assert.Null(SubmissionPolicy.Refusal(code));
}
