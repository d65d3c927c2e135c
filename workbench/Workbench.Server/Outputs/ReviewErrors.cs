using OutputControl.Requests;
using OutputControl.Review;
using Workbench.Server.Errors;

namespace Workbench.Server.Outputs;

/// <summary>Turns the output-control library's refusals into the server's domain errors (403, 409, 400) at the edge.</summary>
internal static class ReviewErrors
{
    public static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ReviewPermissionException e)
        {
            throw new AccessDeniedException(e.Message);
        }
        catch (StaleContentException e)
        {
            throw new ConflictException(e.Message);
        }
        catch (InvalidStateTransitionException e)
        {
            throw new ConflictException(e.Message);
        }
        catch (InvalidRequestException e)
        {
            throw ValidationFailedException.For(string.IsNullOrEmpty(e.Field) ? "request" : $"request.{e.Field}", e.Problem);
        }
    }

    /// <summary>A weaker asked policy as a 400 naming each weaker field of the request.</summary>
    public static ValidationFailedException Refused(PolicyRefusedException e) => new(e.Weakenings.ToDictionary(
        w => $"request.{w.Field}",
        w => new[] { $"{w.Problem}: the server checks every output under its own disclosure policy and never a weaker one; leave the field out" }));

    public static void Run(Action action) => Run(() =>
    {
        action();
        return true;
    });
}
