using AgenteFilms.Web.Features.Screenplay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgenteFilms.Web.Endpoints;

public static class ScreenplayApi
{
    public const string Path = "/api/screenplay/generate";

    /// <summary>The seed's one-shot endpoint, with its contract: 201, snake_case, 422 for invalid input.</summary>
    public static RouteGroupBuilder MapScreenplayApi(this RouteGroupBuilder api)
    {
        api.MapPost("/screenplay/generate", GenerateAsync)
            .WithTags("Seed-compatible")
            .WithSummary("Generate a screenplay outline (title, logline, three acts, characters) from a 10–500 character concept");
        return api;
    }

    private static async Task<Created<ScreenplayOutline>> GenerateAsync(ScreenplayRequest request, ScreenplayService screenplay, CancellationToken cancellationToken)
    {
        var outline = await screenplay.GenerateAsync(request.Concept, request.Model, cancellationToken);
        return TypedResults.Created((string?)null, outline);
    }
}
