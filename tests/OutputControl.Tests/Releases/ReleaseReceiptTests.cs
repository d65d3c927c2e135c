using OutputControl.Releases;
using OutputControl.Review;
using OutputControl.Tests.Review;

namespace OutputControl.Tests.Releases;

public class ReleaseReceiptTests
{
    private static readonly ReceiptKey Key = ReceiptKey.FromBase64(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));

    private static ReleaseReceipt Signed() => ReleaseReceipt.Sign(
        "O-2026-0001", "2026-Q4", ReviewBuilder.Hash(), RulesVersion.Current, "checker-2", "checker-1", ReviewBuilder.At, Key);

    [Fact]
    public void Sign_ThenVerify_IsValidAndApproversAreOrdered()
    {
        var receipt = Signed();

        Assert.True(receipt.HasValidSignature(Key));
        Assert.Equal(("checker-1", "checker-2"), (receipt.FirstApprover, receipt.SecondApprover));
        Assert.Equal(ReviewBuilder.Hash().Hex, receipt.ContentHash);
    }

    public static TheoryData<string> Fields() => ["OutputId", "ReleaseVersion", "ContentHash", "RulesVersion", "FirstApprover", "SecondApprover", "ReleasedAtMs", "Signature"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void HasValidSignature_AnyFieldChanged_IsInvalid(string field)
    {
        var r = Signed();
        var tampered = field switch
        {
            "OutputId" => r with { OutputId = "O-2026-0002" },
            "ReleaseVersion" => r with { ReleaseVersion = "2027-Q1" },
            "ContentHash" => r with { ContentHash = ReviewBuilder.Hash("v2").Hex },
            "RulesVersion" => r with { RulesVersion = "v0" },
            "FirstApprover" => r with { FirstApprover = "checker-3" },
            "SecondApprover" => r with { SecondApprover = "author" },
            "ReleasedAtMs" => r with { ReleasedAtMs = r.ReleasedAtMs + 1 },
            _ => r with { Signature = "00" + r.Signature[2..] },
        };

        Assert.False(tampered.HasValidSignature(Key));
    }

    [Fact]
    public void HasValidSignature_OtherKey_IsInvalid() =>
        Assert.False(Signed().HasValidSignature(ReceiptKey.FromBase64(Convert.ToBase64String(new byte[32]))));

    [Fact]
    public void HasValidSignature_MalformedSignature_IsInvalid() =>
        Assert.False((Signed() with { Signature = "not hex" }).HasValidSignature(Key));

    [Fact]
    public void Sign_SameApproverTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ReleaseReceipt.Sign(
            "O-1", "2026-Q4", ReviewBuilder.Hash(), RulesVersion.Current, "checker-1", "checker-1", ReviewBuilder.At, Key));

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void FromBase64_MissingMalformedOrShort_IsRefused(string? key) => Assert.Throws<ArgumentException>(() => ReceiptKey.FromBase64(key));
}
