using AgenteFilms.Web.Features.Account;
using AgenteFilms.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgenteFilms.Web.Endpoints;

/// <summary>The acting user's own data: all of it as one download, or the whole account deleted.</summary>
public static class AccountDataApi
{
    public static RouteGroupBuilder MapAccountDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/account/export.zip", ExportAsync)
            .WithTags("Account")
            .WithSummary("Every pitch you own (JSON, Markdown, Fountain, deck and document PDFs) with its brief and message history, as a zip");
        api.MapDelete("/account", DeleteAsync)
            .WithTags("Account")
            .WithSummary("Delete your account and everything it owns (pitches, tokens, share links, grants, settings); needs your password");
        return api;
    }

    private static async Task<IResult> ExportAsync(DataExportService export, CancellationToken cancellationToken)
    {
        // A temp file rather than memory: a writer with many pitches has many PDFs. Deleted when the response ends.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await export.WriteZipAsync(file, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, "application/zip", export.FileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        AccountDeletionService accounts, CancellationToken cancellationToken, [FromBody] DeleteAccountRequest? request = null) =>
        await accounts.DeleteAsync(request?.Password, cancellationToken) switch
        {
            AccountDeletionResult.Deleted => TypedResults.NoContent(),
            AccountDeletionResult.WrongPassword => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["password"] = ["The password is wrong; nothing was deleted."] },
                detail: "The password is wrong; nothing was deleted."),
            AccountDeletionResult.LockedOut => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Locked out.",
                detail: "Too many wrong passwords: the account is locked for a few minutes; nothing was deleted."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.", detail: "The account no longer exists."),
        };
}

/// <summary>The body of <c>DELETE /api/account</c>: the account's password, to confirm.</summary>
public sealed record DeleteAccountRequest(string? Password);
