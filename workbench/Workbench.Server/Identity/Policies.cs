using Microsoft.AspNetCore.Authorization;

namespace Workbench.Server.Identity;

/// <summary>
/// Authorisation is deny-by-default: the fallback policy demands a signed-in user who passed MFA, so an endpoint
/// without an explicit policy is still closed. Anonymous endpoints opt out one by one. A project-bound access token
/// additionally stops working when its project's retention ends (<see cref="OpenId.ProjectTokenRequirement"/>).
/// </summary>
public static class Policies
{
    /// <summary>Signed in with a second factor; the default for everything.</summary>
    public const string SignedInWithMfa = nameof(SignedInWithMfa);

    /// <summary>Signed in with a password only, to reach the MFA enrolment page and nothing else.</summary>
    public const string MfaEnrolment = nameof(MfaEnrolment);

    /// <summary>Signed in with a second factor within the last <see cref="RecentMfaOptions.MaxAge"/>: for sensitive actions.</summary>
    public const string RecentMfa = nameof(RecentMfa);

    /// <summary>An administrator, signed in with MFA.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>An Admin or an Auditor, signed in with MFA: may search, export and verify the audit log.</summary>
    public const string AuditReader = nameof(AuditReader);

    /// <summary>An output checker, signed in with MFA: the review queue and votes.</summary>
    public const string OutputChecker = nameof(OutputChecker);

    internal static void Add(AuthorizationOptions options)
    {
        var mfa = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)
            .AddRequirements(new OpenId.ProjectTokenRequirement()).Build();
        options.FallbackPolicy = mfa;
        options.DefaultPolicy = mfa;
        options.AddPolicy(SignedInWithMfa, mfa);
        options.AddPolicy(MfaEnrolment, p => p.RequireAuthenticatedUser().AddRequirements(new OpenId.ProjectTokenRequirement()));
        options.AddPolicy(RecentMfa, p => p.Combine(mfa).AddRequirements(new RecentMfaRequirement()));
        options.AddPolicy(Admin, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.Admin)));
        options.AddPolicy(OutputChecker, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.OutputChecker)));
        options.AddPolicy(AuditReader, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.Admin), nameof(WorkbenchRole.Auditor)));
    }
}
