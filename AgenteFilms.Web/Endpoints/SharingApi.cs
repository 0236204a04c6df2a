using AgenteFilms.Agents.Pitch;
using AgenteFilms.Web.Features.Export;
using AgenteFilms.Web.Features.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

/// <summary>Share links (the writer's API) and the anonymous downloads a link opens.</summary>
public static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/sessions/{id}/share-links").WithTags("Sharing");
        links.MapPost("/", CreateAsync).WithSummary("Create a read-only link for producers ({expiresInDays?}); the token is shown once");
        links.MapGet("/", ListAsync).WithSummary("The session's share links (without tokens)").WithMetadata(new OwnerOnlyAttribute());
        links.MapDelete("/{linkId}", RevokeAsync).WithSummary("Revoke a share link");

        var viewers = api.MapGroup("/sessions/{id}/viewers").WithTags("Sharing");
        viewers.MapGet("/", ListViewersAsync).WithSummary("Accounts the pitch is shared with (read-only)").WithMetadata(new OwnerOnlyAttribute());
        viewers.MapPost("/", AddViewerAsync).WithSummary("Share the pitch read-only with a registered account ({email})");
        viewers.MapDelete("/{userId}", RemoveViewerAsync).WithSummary("Stop sharing the pitch with an account");
        return api;
    }

    /// <summary><c>/share/{token}/pitch.pdf|.md|.fountain</c>: anonymous, for whoever holds a valid link.</summary>
    public static IEndpointRouteBuilder MapSharedDownloads(this IEndpointRouteBuilder app)
    {
        var shared = app.MapGroup("/share/{token}").WithTags("Sharing").RequireRateLimiting(Infrastructure.RateLimiting.WritePolicy)
            .AllowAnonymous();
        shared.MapGet("/pitch.pdf", (string token, string? layout, ShareService sharing, PitchExportService export, CancellationToken ct) =>
            DownloadAsync(token, sharing, (p, a) => export.Pdf(p, a, layout == "document" ? PdfLayout.Document : PdfLayout.Deck, ct), ct));
        shared.MapGet("/pitch.md", (string token, ShareService sharing, PitchExportService export, CancellationToken ct) =>
            DownloadAsync(token, sharing, export.Markdown, ct));
        shared.MapGet("/pitch.fountain", (string token, ShareService sharing, PitchExportService export, CancellationToken ct) =>
            DownloadAsync(token, sharing, (p, a) => export.Fountain(p, a), ct));
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string token, ShareService sharing, Func<PitchDocument, PitchAttribution, ExportedFile> export, CancellationToken cancellationToken)
    {
        var shared = await sharing.OpenAsync(token, cancellationToken);
        if (shared.Status != ShareStatus.Valid || shared.Pitch is null || shared.Attribution is null)
        {
            // One answer for unknown, revoked and expired: a link's existence is not disclosed to its holder's neighbours.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not available.",
                detail: "This share link is not valid: it may have been revoked or have expired.");
        }
        var file = export(shared.Pitch, shared.Attribution);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Created<ShareLinkDto>, ProblemHttpResult>> CreateAsync(
        Guid id, CreateShareLinkRequest? request, ShareService sharing, HttpRequest http, CancellationToken cancellationToken)
    {
        var created = await sharing.CreateAsync(id, request?.ExpiresInDays, cancellationToken);
        if (created is null)
        {
            return ApiProblems.SessionNotFound();
        }
        var url = $"{http.Scheme}://{http.Host}{created.Path}";
        return TypedResults.Created($"/api/sessions/{id}/share-links/{created.Link.Id}", ShareLinkDto.From(created.Link, url, created.Token));
    }

    private static async Task<Ok<ShareLinkDto[]>> ListAsync(Guid id, ShareService sharing, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sharing.ListAsync(id, cancellationToken)).Select(l => ShareLinkDto.From(l, null, null)).ToArray());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, Guid linkId, ShareService sharing, CancellationToken cancellationToken) =>
        await sharing.RevokeAsync(id, linkId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No share link with that id in this session.");

    private static async Task<Ok<ViewerDto[]>> ListViewersAsync(Guid id, ViewerService viewers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await viewers.ListAsync(id, cancellationToken)).Select(ViewerDto.From).ToArray());

    private static async Task<Results<Created<ViewerDto>, ProblemHttpResult>> AddViewerAsync(
        Guid id, AddViewerRequest request, ViewerService viewers, CancellationToken cancellationToken) =>
        await viewers.AddAsync(id, request.Email, cancellationToken) is { } added
            ? TypedResults.Created($"/api/sessions/{id}/viewers/{added.UserId}", ViewerDto.From(added))
            : ApiProblems.SessionNotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveViewerAsync(
        Guid id, Guid userId, ViewerService viewers, CancellationToken cancellationToken) =>
        await viewers.RemoveAsync(id, userId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "The pitch is not shared with that account.");
}

public sealed record AddViewerRequest(string? Email);

/// <summary>An account a pitch is shared with, read-only.</summary>
public sealed record ViewerDto(Guid UserId, string Email, DateTime SharedAt)
{
    public static ViewerDto From(Data.Stores.SessionViewerInfo viewer) => new(viewer.UserId, viewer.Email, viewer.SharedAt);
}

public sealed record CreateShareLinkRequest(int? ExpiresInDays = null);

/// <summary>A share link; <see cref="Url"/> and <see cref="Token"/> only in the answer that created it.</summary>
public sealed record ShareLinkDto(Guid Id, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, string? Url, string? Token)
{
    public static ShareLinkDto From(Data.Entities.ShareLink link, string? url, string? token) =>
        new(link.Id, link.CreatedAt, link.ExpiresAt, link.RevokedAt, url, token);
}
