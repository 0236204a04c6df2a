using AgenteFilms.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenteFilms.Web.Infrastructure.Operations;

/// <summary>
/// Data Protection keys live in the database (table <c>DataProtectionKeys</c>) under a fixed application name, so
/// antiforgery tokens and sign-in cookies survive a restart and are valid on every instance that shares the database.
/// The keys are stored unencrypted: whoever can read the database can forge cookies, so guard it like a secret.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Fixed: the key ring's purpose strings (and the antiforgery cookie's name) derive from it.</summary>
    public const string ApplicationName = "AgenteFilms";

    public static IServiceCollection AddDataProtectionInDatabase(this IServiceCollection services)
    {
        // The EF key repository resolves the context from a scope; the rest of the app uses the factory.
        services.TryAddScoped<AgenteFilmsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AgenteFilmsDbContext>();
        return services;
    }
}
