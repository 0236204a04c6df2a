using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenteFilms.Web.Infrastructure.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Traces and metrics (OpenTelemetry), the <c>/metrics</c> guard, circuit counting and Data Protection keys in the database.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelemetry(configuration);
        services.AddMetricsEndpoint();
        services.TryAddSingleton<CircuitMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetricsHandler>());
        services.AddDataProtectionInDatabase();
        return services;
    }
}
