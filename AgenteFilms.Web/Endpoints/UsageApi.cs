using AgenteFilms.Web.Features.Usage;

namespace AgenteFilms.Web.Endpoints;

public static class UsageApi
{
    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/usage.csv", CsvAsync).WithTags("Usage")
            .WithSummary("My billed usage of the last 30 days: one CSV row per UTC day, pitch, agent and model")
            .Produces<string>(contentType: "text/csv");
        return api;
    }

    private static async Task<IResult> CsvAsync(UsageService usage, CancellationToken cancellationToken)
    {
        var report = await usage.GetReportAsync(cancellationToken);
        var name = $"agente-films-usage-{report.To:yyyy-MM-dd}.csv";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(UsageService.ToCsv(report)), "text/csv", name);
    }
}
