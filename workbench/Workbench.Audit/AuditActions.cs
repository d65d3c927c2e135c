namespace Workbench.Audit;

/// <summary>The action names the log records. Frozen: they are hashed into entries and searched by auditors.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked_out";
    public const string MfaFailed = "signin.mfa_failed";
    public const string MfaEnrolled = "mfa.enrolled";
    public const string MfaConfirmed = "signin.mfa_confirmed";
    public const string RecoveryCodeUsed = "signin.recovery_code_used";
    public const string SignedOut = "signout";
    public const string UserCreated = "user.created";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string RoleGranted = "user.role_granted";
    public const string RoleRevoked = "user.role_revoked";
    public const string OrganisationCreated = "organisation.created";
    public const string ProjectCreated = "project.created";
    public const string ProjectChanged = "project.changed";
    public const string DataAccessed = "data.accessed";
    public const string DataAccessRefused = "data.access_refused";
    public const string DataRowsRead = "data.rows_read";
    public const string DataViewDelivered = "data.view_delivered";
    public const string NotebookStarted = "notebook.started";
    public const string NotebookStopped = "notebook.stopped";
    public const string NotebookAccessDenied = "notebook.access_denied";
    public const string WorkAreaDeleted = "project.work_area_deleted";
    public const string AuditExported = "audit.exported";
    public const string ClientAuthorized = "oidc.client_authorized";
    public const string DeviceDenied = "oidc.device_denied";
    public const string TokenExchanged = "oidc.token_exchanged";
    public const string TokenIssued = "oidc.token_issued";
    public const string TokenRefreshed = "oidc.token_refreshed";
    public const string TokenRevoked = "oidc.token_revoked";
    public const string TokenExchangeRefused = "oidc.token_exchange_refused";
    public const string QuestionCreated = "question.created";
    public const string QuestionDraftSaved = "question.draft_saved";
    public const string QuestionSubmitted = "question.submitted";
    public const string QuestionRevised = "question.revised";
    public const string QuestionScored = "question.scored";
    public const string QuestionRoundClosed = "question.round_closed";
    public const string QuestionAccepted = "question.accepted";
    public const string QuestionParked = "question.parked";
    public const string QuestionRejected = "question.rejected";
    public const string QuestionProjectStarted = "question.project_started";
    public const string QuestionOutputInReview = "question.output_in_review";
    public const string QuestionReleased = "question.released";
    public const string QuestionRetracted = "question.retracted";
    public const string OutputDrafted = "output.drafted";
    public const string OutputSubmitted = "output.submitted";
    public const string OutputChanged = "output.changed";
    public const string OutputWithdrawn = "output.withdrawn";
    public const string OutputReviewed = "output.reviewed";
    public const string OutputReleased = "output.released";
    public const string OutputRetracted = "output.retracted";
}
