using AgenteFilms.Web.Features.Account;

namespace AgenteFilms.Web.Endpoints;

/// <summary>The acting user's own data, as one download.</summary>
public static class AccountDataApi
{
    public static RouteGroupBuilder MapAccountDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/account/export.zip", ExportAsync)
            .WithTags("Account")
            .WithSummary("Every pitch you own (JSON, Markdown, Fountain, deck and document PDFs) with its brief and message history, as a zip");
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
}
