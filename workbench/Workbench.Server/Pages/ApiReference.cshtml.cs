using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Workbench.Server.Pages;

/// <summary>A readable list of the API's endpoints, taken from the same endpoint metadata the OpenAPI document uses.</summary>
public sealed class ApiReferenceModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Row(string Tag, string Method, string Path, string Summary, string Policy);

    public IReadOnlyList<Row> Endpoints { get; private set; } = [];

    public void OnGet() => Endpoints =
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => new Row(
                e.Metadata.GetMetadata<ITagsMetadata>()?.Tags is [var tag, ..] ? tag : "Other", m, e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "signed in with MFA")))
            .OrderBy(r => r.Tag, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal),
    ];
}
