using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Wire;

public sealed class ReplayGuardTests
{
    [Fact]
    public void TryAccept_SameSignatureTwice_RefusesTheSecond()
    {
        var guard = new ReplayGuard();

        Assert.True(guard.TryAccept("aa"));
        Assert.False(guard.TryAccept("aa"));
        Assert.True(guard.TryAccept("bb"));
    }

    [Fact]
    public void TryAccept_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var guard = new ReplayGuard(capacity: 2);
        guard.TryAccept("1");
        guard.TryAccept("2");
        guard.TryAccept("3");

        Assert.False(guard.TryAccept("3"));
        Assert.False(guard.TryAccept("2"));
        Assert.True(guard.TryAccept("1"));
    }
}
