using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Endpoints.Compat;
using AgenteFilms.Web.Features.Screenplay;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// The one place API errors become ProblemDetails (DECISIONS §2), or the seed's <c>{"detail": ...}</c> on the
/// seed-compatible paths. Pages are left to the error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already rewritten Request.Path to the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null)
        {
            return false;
        }
        var seedSurface = SeedCompatibility.Owns(path);
        if (!seedSurface && !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The seed's contract routes answer every input error with 422 and a detail, as the seed's clients expect.
        var seedContract = seedSurface || path.StartsWith("/api/screenplay/", StringComparison.OrdinalIgnoreCase);
        var inputStatus = seedContract ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;

        ProblemDetails problem = exception switch
        {
            InputValidationException validation => new HttpValidationProblemDetails(validation.Errors)
            {
                Status = inputStatus,
                Title = "The request is not valid.",
                Detail = validation.Detail,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode == StatusCodes.Status400BadRequest ? inputStatus : bad.StatusCode,
                Title = "The request could not be read.",
                Detail = BadRequestDetail(bad),
            },
            RunConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A run is already in progress.",
                Detail = conflict.Message,
            },
            LimitExceededException limit => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Limit reached.",
                Detail = limit.Message,
            },
            ConcurrencyConflictException concurrency => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The pitch changed.",
                Detail = concurrency.Message,
            },
            UnknownModelProfileException unknown => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["modelProfile"] = [unknown.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = unknown.Message,
            },
            PitchVersionConflictException pitchConflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The pitch changed.",
                Detail = pitchConflict.Message,
            },
            UnknownModelException unknownModel => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Unknown model.",
                Detail = unknownModel.Message,
            },
            ForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed.",
                Detail = forbidden.Message,
            },
            ScreenplayFailedException failed => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Generation failed.",
                Detail = failed.Message,
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong.",
                Detail = "The server could not complete the request. Nothing you saved was lost.",
            },
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled API error on {Path}", httpContext.Request.Path);
        }

        if (seedSurface)
        {
            // The seed's clients read {"detail": ...}; the rest of a ProblemDetails would be noise to them.
            var errors = (problem as HttpValidationProblemDetails)?.Errors;
            await SeedError.WriteAsync(httpContext, problem.Status!.Value, new SeedError(problem.Detail ?? problem.Title ?? "", errors), cancellationToken);
            return true;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is LimitExceededException exceeded)
        {
            httpContext.Response.Headers.RetryAfter = exceeded.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The framework's messages name parameters and types; turn the common ones into a sentence a client can act on.
    private static string BadRequestDetail(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException json => $"The JSON body is malformed or has a wrong type: {json.Message}",
        _ when bad.Message.Contains("Failed to bind parameter", StringComparison.Ordinal) => bad.Message.Replace("Failed to bind parameter", "Invalid value for"),
        _ => bad.Message,
    };
}
