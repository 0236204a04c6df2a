namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// Keeps query strings out of the logs. The seed-compatible WebSocket takes the API token as <c>?access_token=</c>
/// (browsers cannot set headers on a WebSocket; DECISIONS §7), and ASP.NET Core's hosting log writes every request's
/// URL with its query string ("Request starting ...", "Request finished ..." at Information). Those request lines are
/// never written, whatever the configured levels; the category's warnings and errors still are. Nothing else in the
/// app logs a query string: the exception handler logs the path only.
/// </summary>
public static class QueryStringLogging
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection KeepQueryStringsOutOfLogs(this IServiceCollection services)
    {
        // After the configuration's rules, so these come last and win a tie. One per provider the configuration names
        // (e.g. Logging:Console:LogLevel), because a provider's own rules outrank general ones, plus a general one.
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var providers = options.Rules.Select(r => r.ProviderName).Where(p => p is not null).Distinct().ToList();
            foreach (var provider in providers.Append(null))
            {
                options.Rules.Add(new LoggerFilterRule(provider, HostingCategory, LogLevel.Warning, filter: null));
            }
        });
        return services;
    }
}
