using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Data;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Runs;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.UiBenchmarks;

/// <summary>
/// The app as the benchmarks' server: the real Program on Kestrel (127.0.0.1), in this process, plus benchmark-only
/// endpoints under <c>/__bench</c> that the app itself does not have: watch a session's events in the hub, force a
/// full GC and read the managed heap, count open circuits, seed messages. Runs until its standard input closes.
/// </summary>
internal static class BenchHost
{
    public static async Task<int> RunAsync(int port, string dataFolder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(dataFolder, "bench.db")};Default Timeout=30",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Limits:RequestsPerWindow"] = "1000000",
            // A simulated-latency offline model: 500 ms to the first token, then 40 tokens per second.
            ["Llm:Profiles:latency:Provider"] = "Offline",
            ["Llm:Profiles:latency:Model"] = "offline",
            ["Llm:Profiles:latency:FirstTokenMs"] = "500",
            ["Llm:Profiles:latency:TokensPerSecond"] = "40",
            // A fast, steady stream (a 16-character delta every 10 ms, ~5 per 50 ms), to see renders coalesce.
            ["Llm:Profiles:stream:Provider"] = "Offline",
            ["Llm:Profiles:stream:Model"] = "offline",
            ["Llm:Profiles:stream:FirstTokenMs"] = "50",
            ["Llm:Profiles:stream:TokensPerSecond"] = "400",
        };
        foreach (var (key, value) in BenchAccount.BootstrapSettings)
        {
            settings[key] = value;
        }
        await using var factory = new HostFactory(settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        Console.WriteLine("bench host ready");
        // The driver closes our standard input when it is done (or dies): then stop.
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private sealed class HostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Serve MudBlazor's and the app's static assets from the build output, as a published app would.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<CircuitCounter>();
                services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
                services.AddSingleton<EventWatch>();
                services.AddTransient<IStartupFilter, BenchEndpoints>();
            });
        }
    }
}

/// <summary>Counts the circuits that are open right now.</summary>
internal sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Records, per watched session, when each text delta was produced: the engine's stamp (<see cref="AgentEvent.At"/>,
/// taken as the model's streamed update reaches the engine) and the hub's (when it was published to circuits).
/// </summary>
internal sealed class EventWatch(RunEventHub hub)
{
    private readonly Dictionary<Guid, Watched> _sessions = [];

    public void Start(Guid session)
    {
        var subscription = hub.Subscribe(session, afterSequence: hub.LastSequence(session));
        var watched = new Watched();
        lock (_sessions)
        {
            _sessions[session] = watched;
        }
        _ = Task.Run(async () =>
        {
            using (subscription)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    while (await subscription.Live.WaitToReadAsync(stop.Token))
                    {
                        while (subscription.Live.TryRead(out var e))
                        {
                            if (e.Data is TextDelta delta)
                            {
                                watched.Add(UnixMs(delta.At), UnixMs(e.At));
                            }
                            else if (EventNames.IsTerminal(e.Type))
                            {
                                return;
                            }
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public Watched? Get(Guid session)
    {
        lock (_sessions)
        {
            return _sessions.GetValueOrDefault(session);
        }
    }

    private static double UnixMs(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;

    private static double UnixMs(DateTime at) => (at.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerMillisecond;

    internal sealed class Watched
    {
        private readonly List<(double Engine, double Hub)> _deltas = [];

        public void Add(double engine, double published)
        {
            lock (_deltas)
            {
                _deltas.Add((engine, published));
            }
        }

        public object Snapshot()
        {
            lock (_deltas)
            {
                return new
                {
                    engineMs = _deltas.Select(d => d.Engine).ToArray(),
                    hubMs = _deltas.Select(d => d.Hub).ToArray(),
                };
            }
        }
    }
}

/// <summary>The <c>/__bench</c> endpoints, put in front of the app's own pipeline.</summary>
internal sealed class BenchEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/__bench", bench => bench.Run(HandleAsync));
        next(app);
    };

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        object? result = (context.Request.Method, segments) switch
        {
            ("POST", ["watch", var id]) => Watch(services, Guid.Parse(id)),
            ("GET", ["watch", var id]) => services.GetRequiredService<EventWatch>().Get(Guid.Parse(id))?.Snapshot(),
            ("POST", ["gc"]) => CollectAndMeasure(services),
            ("POST", ["seed", var id, var count]) => await SeedMessagesAsync(services, Guid.Parse(id), int.Parse(count), context.RequestAborted),
            _ => null,
        };
        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await context.Response.WriteAsJsonAsync(result, JsonSerializerOptions.Web);
    }

    private static object Watch(IServiceProvider services, Guid session)
    {
        services.GetRequiredService<EventWatch>().Start(session);
        return new { watching = session };
    }

    /// <summary>Full, blocking, compacting collections until the heap settles; then the bytes still reachable.</summary>
    private static object CollectAndMeasure(IServiceProvider services)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return new { totalBytes = GC.GetTotalMemory(forceFullCollection: true), circuits = services.GetRequiredService<CircuitCounter>().Open };
    }

    /// <summary>
    /// Tops the session's conversation up to <paramref name="total"/> messages: writer questions and showrunner
    /// answers in turn, answers in Markdown of a typical length, as a long chat leaves them.
    /// </summary>
    private static async Task<object> SeedMessagesAsync(IServiceProvider services, Guid session, int total, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>();
        var messages = services.GetRequiredService<MessageStore>();
        int existing;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            existing = await db.Questions.CountAsync(q => q.SessionId == session, cancellationToken)
                + await db.Answers.CountAsync(a => a.SessionId == session, cancellationToken);
        }
        for (var i = existing; i < total; i++)
        {
            if (i % 2 == 0)
            {
                await messages.AddQuestionAsync(session, $"Note {i}: could the second act move to the lighthouse, and could the antagonist be her sister?", cancellationToken);
            }
            else
            {
                await messages.AddAnswerAsync(new Answer
                {
                    SessionId = session,
                    Agent = AgentNames.Greeter,
                    Model = "Offline model",
                    Content = $"""
                        Good call ({i}). I asked the **screenwriter** to move the second act to the lighthouse:

                        - the midpoint now turns on the letter in the lamp room;
                        - the storm forces both sisters to stay the night;
                        - the *casting* notes follow the new ages.

                        The pitch updates when the agents finish.
                        """,
                    InputTokens = 1200,
                    OutputTokens = 180,
                    DurationMs = 900,
                }, cancellationToken);
            }
        }
        return new { messages = Math.Max(existing, total) };
    }
}
