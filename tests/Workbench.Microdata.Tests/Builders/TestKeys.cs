using System.Security.Cryptography;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Microdata.Tests.Builders;

/// <summary>Random master keys for tests.</summary>
internal static class TestKeys
{
    public static PseudonymKey Random() => PseudonymKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "test");
}
