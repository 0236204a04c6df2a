using AgenteFilms.Web.Features.Export.Layout;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// PDF (deck and document), Fountain and Markdown exports behind <see cref="PitchExportService"/>, with the
    /// "Export" options validated at start-up. Everything is a singleton: fonts load once and are shared.
    /// </summary>
    public static IServiceCollection AddPitchExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FontRegistry(sp.GetRequiredService<IOptions<ExportOptions>>().Value.FontsFolder));
        services.TryAddSingleton<ConfidentialityNoticeFormatter>();
        services.TryAddSingleton<PitchDeckRenderer>();
        services.TryAddSingleton<PitchDocumentRenderer>();
        services.TryAddSingleton<FountainExporter>();
        services.TryAddSingleton<MarkdownExporter>();
        services.TryAddSingleton<PitchExportService>();
        return services;
    }
}
