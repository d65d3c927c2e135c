using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Workbench.Server.Api;

/// <summary>
/// The server's JSON reading: a key given twice in any request body is an error (which of two policies, or two unit
/// counts, would count is otherwise the reader's guess), and a body that cannot be read becomes a 400 ProblemDetails
/// that says why, naming the JSON path, instead of an empty 400.
/// </summary>
public static class StrictJson
{
    public static WebApplicationBuilder AddStrictJson(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);
        builder.Services.Configure<JsonOptions>(o => o.JsonSerializerOptions.AllowDuplicateProperties = false);
        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; the handler below words it.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestBodyHandler>();
        return builder;
    }
}

/// <summary>Turns a request the endpoint could not bind (such as a duplicated JSON key) into ProblemDetails with the reason.</summary>
internal sealed class BadRequestBodyHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var json = bad.InnerException as JsonException;
        var field = string.IsNullOrEmpty(json?.Path) ? "body" : json.Path;
        var reason = json is null ? bad.Message : json.Message.Split(" Path:", 2)[0].Trim();
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
            {
                Status = bad.StatusCode,
                Title = "The request body cannot be read",
                Detail = $"{field}: {reason}",
            },
            Exception = exception,
        });
    }
}
