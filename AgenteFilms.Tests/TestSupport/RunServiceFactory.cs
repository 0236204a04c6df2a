using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Limits;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>A <see cref="RunService"/> on a test database for one acting user, with the given limits (defaults otherwise).</summary>
public sealed class RunServiceFactory(TestDatabase database, LimitsOptions? limits = null, RunEventHub? hub = null) : IDisposable
{
    private readonly LimitsOptions _limits = limits ?? new LimitsOptions();

    public UserRateLimits Rates { get; } = new(Options.Create(limits ?? new LimitsOptions()));

    public DailyUsageBudget Budget { get; } = new(
        database.Services.GetRequiredService<UsageStore>(), new FixedOptionsMonitor<LimitsOptions>(limits ?? new LimitsOptions()), TimeProvider.System);

    public RunEventHub Hub { get; } = hub ?? new RunEventHub(TimeProvider.System);

    public RunService For(Guid userId)
    {
        var user = new FixedUser(userId);
        return new(
            database.Services.GetRequiredService<RunStore>(), database.Services.GetRequiredService<SessionStore>(),
            database.Services.GetRequiredService<StateStore>(), new RunSignal(), Hub, Rates, Budget, Options.Create(_limits), user,
            new PitchAccess(database.Services.GetRequiredService<SessionAccessStore>(), user));
    }

    public void Dispose() => Rates.Dispose();
}

/// <summary>Options that never change, for services that read <see cref="IOptionsMonitor{TOptions}"/>.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

public static class RunLimitServices
{
    /// <summary>What <see cref="RunService"/> needs besides the stores: the limits (defaults unless given) over the test database.</summary>
    public static IServiceCollection AddRunLimits(this IServiceCollection services, TestDatabase database, LimitsOptions? limits = null)
    {
        var options = limits ?? new LimitsOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<IOptionsMonitor<LimitsOptions>>(new FixedOptionsMonitor<LimitsOptions>(options));
        services.AddSingleton(database.Services.GetRequiredService<UsageStore>());
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<DailyUsageBudget>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
