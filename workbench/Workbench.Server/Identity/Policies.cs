using Microsoft.AspNetCore.Authorization;

namespace Workbench.Server.Identity;

/// <summary>
/// Authorisation is deny-by-default: the fallback policy demands a signed-in user who passed MFA, so an endpoint
/// without an explicit policy is still closed. Anonymous endpoints opt out one by one. An access token reaches only
/// <c>/api/me</c> and the projects it is bound to, and stops working when their retention ends
/// (<see cref="OpenId.ProjectTokenRequirement"/>); it never holds organisation roles, so no role policy admits it.
/// </summary>
public static class Policies
{
    /// <summary>Signed in with a second factor; the default for everything.</summary>
    public const string SignedInWithMfa = nameof(SignedInWithMfa);

    /// <summary>Signed in with a password only, to reach the MFA enrolment page and nothing else.</summary>
    public const string MfaEnrolment = nameof(MfaEnrolment);

    /// <summary>Signed in with a second factor within the last <see cref="RecentMfaOptions.MaxAge"/>: for sensitive actions.</summary>
    public const string RecentMfa = nameof(RecentMfa);

    /// <summary>
    /// An administrator, signed in with MFA; any change (a method other than GET, HEAD or OPTIONS) additionally needs
    /// the browser session and a recent second factor (<see cref="RecentMfa"/>), so a stale cookie or a token reads at
    /// most. Endpoints that show what their page shows only after a step-up add <see cref="RecentMfa"/> themselves.
    /// </summary>
    public const string Admin = nameof(Admin);

    /// <summary>An Admin or an Auditor, signed in with MFA: may search, export and verify the audit log.</summary>
    public const string AuditReader = nameof(AuditReader);

    /// <summary>A Requester, signed in with MFA: writes and submits research questions for their organisation.</summary>
    public const string Requester = nameof(Requester);

    /// <summary>A steering-group member or its chair, signed in with MFA: sees every submitted question and the backlog.</summary>
    public const string Steering = nameof(Steering);

    /// <summary>A steering-group member, signed in with MFA: scores research questions.</summary>
    public const string SteeringMember = nameof(SteeringMember);

    /// <summary>The steering group's chair, signed in with MFA: closes assessment rounds and decides on questions.</summary>
    public const string SteeringChair = nameof(SteeringChair);
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
        options.AddPolicy(Admin, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.Admin))
            .AddRequirements(new RecentMfaRequirement(changesOnly: true)));
        options.AddPolicy(Requester, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.Requester)));
        options.AddPolicy(Steering, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.SteeringMember), nameof(WorkbenchRole.SteeringChair)));
        options.AddPolicy(SteeringMember, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.SteeringMember)));
        options.AddPolicy(SteeringChair, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.SteeringChair)));
        options.AddPolicy(OutputChecker, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.OutputChecker)));
        options.AddPolicy(AuditReader, p => p.Combine(mfa).RequireClaim(WorkbenchClaims.Role, nameof(WorkbenchRole.Admin), nameof(WorkbenchRole.Auditor)));
    }
}
