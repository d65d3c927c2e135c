using System.Text.Json.Serialization;
using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Worker.Protocol;

/// <summary>
/// What the front and the worker say to each other over the Unix domain socket: one JSON object per line, tagged by
/// <c>kind</c>. Every message about a request carries the request's <c>Id</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExecuteCommand), "execute")]
[JsonDerivedType(typeof(CompleteCommand), "complete")]
[JsonDerivedType(typeof(InspectCommand), "inspect")]
[JsonDerivedType(typeof(CancelCommand), "cancel")]
[JsonDerivedType(typeof(InputAnswer), "input")]
[JsonDerivedType(typeof(WorkerReady), "ready")]
[JsonDerivedType(typeof(StreamEvent), "stream")]
[JsonDerivedType(typeof(DisplayEvent), "display")]
[JsonDerivedType(typeof(InputNeeded), "input_needed")]
[JsonDerivedType(typeof(ExecuteDone), "executed")]
[JsonDerivedType(typeof(CompleteDone), "completed")]
[JsonDerivedType(typeof(InspectDone), "inspected")]
[JsonDerivedType(typeof(ProjectNeeded), "project_needed")]
[JsonDerivedType(typeof(ProjectAnswer), "project")]
[JsonDerivedType(typeof(SubmitNeeded), "submit_needed")]
[JsonDerivedType(typeof(SubmitAnswer), "submitted")]
public abstract record WorkerMessage(long Id);

// Front -> worker.
public sealed record ExecuteCommand(long Id, string Code) : WorkerMessage(Id);

public sealed record CompleteCommand(long Id, string Code, int Cursor) : WorkerMessage(Id);

public sealed record InspectCommand(long Id, string Code, int Cursor) : WorkerMessage(Id);

/// <summary>Asks the running cell to stop (cooperatively); the front replaces a worker that does not.</summary>
public sealed record CancelCommand(long Id) : WorkerMessage(Id);

/// <summary>The project view's path in the sandbox for a <see cref="ProjectNeeded"/>, or why there is none.</summary>
public sealed record ProjectAnswer(long Id, long Ask, string? ViewPath, string? Refusal) : WorkerMessage(Id);

/// <summary>The server's answer (the created output as JSON) for a <see cref="SubmitNeeded"/>, or why it was refused.</summary>
public sealed record SubmitAnswer(long Id, long Ask, string? Output, string? Refusal) : WorkerMessage(Id);

/// <summary>The user's line for an <see cref="InputNeeded"/>, or why there is none.</summary>
public sealed record InputAnswer(long Id, string? Value, string? Refusal) : WorkerMessage(Id);

// Worker -> front.

/// <summary>The worker is up, warmed and locked down; <paramref name="Lockdown"/> says how.</summary>
public sealed record WorkerReady(long Id, string Lockdown) : WorkerMessage(Id);

public sealed record StreamEvent(long Id, StreamName Name, string Text) : WorkerMessage(Id);

public sealed record DisplayEvent(long Id, MimeBundle Bundle, bool Update) : WorkerMessage(Id);

public sealed record InputNeeded(long Id, string Prompt, bool Password) : WorkerMessage(Id);

/// <summary>The running cell (<paramref name="Id"/>) opens the project; <paramref name="Ask"/> tells its answers apart.</summary>
public sealed record ProjectNeeded(long Id, long Ask) : WorkerMessage(Id);

/// <summary>The running cell submits an output for review: <paramref name="Body"/> is the server's submission body.</summary>
public sealed record SubmitNeeded(long Id, long Ask, string Body) : WorkerMessage(Id);

/// <summary>The cell's outcome; <paramref name="Stuck"/> when it ignored an interrupt and the worker must be replaced.</summary>
public sealed record ExecuteDone(long Id, ExecutionOutcome Outcome, bool Stuck = false) : WorkerMessage(Id);

public sealed record CompleteDone(long Id, Completions Completions) : WorkerMessage(Id);

public sealed record InspectDone(long Id, Inspection Inspection) : WorkerMessage(Id);
