// API benchmarks against the real app process on PostgreSQL (see scripts/bench-api.sh):
//  1. POST /api/sessions/{id}/messages?wait=true, 16 concurrent clients, zero-latency offline model:
//     requests/second, p50/p99, and persisted answers == requests.
//  2. Opening a session with 10,000 messages: GET the first page of history, median and p95.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

const string BenchToken = "af_bench-api-benchmarks-token-0123456789";
var postgres = Arg("--postgres") ?? throw new ArgumentException("--postgres <connection string to a server> is required");
var appDll = Arg("--app") ?? throw new ArgumentException("--app <path to AgenteFilms.Web.dll> is required");
var clients = int.Parse(Arg("--clients") ?? "16", CultureInfo.InvariantCulture);
var seconds = int.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture);
var historySize = int.Parse(Arg("--history") ?? "10000", CultureInfo.InvariantCulture);

var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
await using (var admin = new NpgsqlConnection(postgres))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
}
var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
var port = FreePort();
var app = StartApp(appDll, port, connection);
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    // One account, provisioned by the app at start-up as a deployment would (Auth:Bootstrap:*), calls with its API token.
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BenchToken);
    await WaitReadyAsync(http, app);
    Console.WriteLine($"# API benchmarks ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, PostgreSQL, offline model with zero latency)");

    // Each client gets a session that already has a pitch, so every message is one chat turn with one answer.
    var sessions = new List<Guid>();
    for (var i = 0; i < clients; i++)
    {
        var created = await http.PostAsJsonAsync("/api/sessions", new { title = $"Bench {i}", concept = $"A lighthouse keeper number {i} finds a message in a bottle from the future", genre = "drama" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pitch = await http.PostAsJsonAsync($"/api/sessions/{id}/messages?wait=true", new { message = "Pitch it" });
        pitch.EnsureSuccessStatusCode();
        sessions.Add(id);
    }
    var pitchAnswers = await CountAnswersAsync(connection);

    // Warm-up, then the measured window.
    await LoadAsync(http, sessions, TimeSpan.FromSeconds(3));
    var before = await CountAnswersAsync(connection);
    var (latencies, errors, elapsed) = await LoadAsync(http, sessions, TimeSpan.FromSeconds(seconds));
    var after = await CountAnswersAsync(connection);
    latencies.Sort();
    Console.WriteLine();
    Console.WriteLine($"## POST /messages?wait=true, {clients} concurrent clients, {seconds} s");
    Console.WriteLine("| requests | errors | requests/s | p50 ms | p99 ms | answers persisted in the window |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Console.WriteLine($"| {latencies.Count} | {errors} | {latencies.Count / elapsed.TotalSeconds:0.0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} | {after - before} |");
    Console.WriteLine($"(setup: {clients} full pitch runs persisted {pitchAnswers} answers)");

    // History: a session with historySize messages; time the first page as the workspace opens it.
    var big = await http.PostAsJsonAsync("/api/sessions", new { title = "Long chat", concept = "A writer who never stops talking to her agents" });
    var bigId = (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    await SeedHistoryAsync(connection, bigId, historySize);
    var open = new List<double>();
    for (var i = 0; i < 60; i++)
    {
        var watch = Stopwatch.StartNew();
        var page = await http.GetAsync($"/api/sessions/{bigId}/messages?limit=50");
        page.EnsureSuccessStatusCode();
        await page.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (i >= 10)
        {
            open.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    open.Sort();
    Console.WriteLine();
    Console.WriteLine($"## Opening a session with {historySize:N0} messages (first page of 50, warm, 50 samples)");
    Console.WriteLine("| median ms | p95 ms | max ms | target |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| {Percentile(open, 0.5):0.0} | {Percentile(open, 0.95):0.0} | {open[^1]:0.0} | ≤ 300 ms |");
    return after - before == latencies.Count ? 0 : 1;
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(postgres);
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
}

static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> LoadAsync(HttpClient http, IReadOnlyList<Guid> sessions, TimeSpan duration)
{
    var latencies = new List<double>();
    var errors = 0;
    var total = Stopwatch.StartNew();
    var deadline = DateTime.UtcNow + duration;
    await Task.WhenAll(sessions.Select(async (session, index) =>
    {
        var n = 0;
        while (DateTime.UtcNow < deadline)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync($"/api/sessions/{session}/messages?wait=true",
                new { message = $"How is the pitch looking? ({index}-{n++})" });
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            lock (latencies)
            {
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    errors++;
                }
            }
        }
    }));
    return (latencies, errors, total.Elapsed);
}

static async Task<long> CountAnswersAsync(string connection)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    return (long)(await new NpgsqlCommand("""SELECT count(*) FROM "Answers" """, db).ExecuteScalarAsync())!;
}

static async Task SeedHistoryAsync(string connection, Guid session, int count)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    var start = DateTime.UtcNow.AddDays(-1);
    await using var questions = await db.BeginBinaryImportAsync("""COPY "Questions" ("Id", "SessionId", "Content", "CreatedAt") FROM STDIN (FORMAT BINARY)""");
    for (var i = 0; i < count; i += 2)
    {
        await questions.StartRowAsync();
        await questions.WriteAsync(Guid.CreateVersion7());
        await questions.WriteAsync(session);
        await questions.WriteAsync($"Writer message {i}: what if the second act moved to the lighthouse?");
        await questions.WriteAsync(start.AddSeconds(i), NpgsqlTypes.NpgsqlDbType.TimestampTz);
    }
    await questions.CompleteAsync();
    await questions.DisposeAsync();
    await using var answers = await db.BeginBinaryImportAsync("""COPY "Answers" ("Id", "SessionId", "Agent", "Content", "InputTokens", "OutputTokens", "CostUsd", "DurationMs", "CreatedAt") FROM STDIN (FORMAT BINARY)""");
    for (var i = 1; i < count; i += 2)
    {
        await answers.StartRowAsync();
        await answers.WriteAsync(Guid.CreateVersion7());
        await answers.WriteAsync(session);
        await answers.WriteAsync("greeter");
        await answers.WriteAsync($"Showrunner reply {i}: the second act now builds to the storm at the lighthouse, and the midpoint turns on the letter.");
        await answers.WriteAsync(120L);
        await answers.WriteAsync(80L);
        await answers.WriteAsync(0m);
        await answers.WriteAsync(5L);
        await answers.WriteAsync(start.AddSeconds(i), NpgsqlTypes.NpgsqlDbType.TimestampTz);
    }
    await answers.CompleteAsync();
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static Process StartApp(string dll, int port, string connection)
{
    var info = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" }, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    info.Environment["Database__Provider"] = "Postgres";
    info.Environment["ConnectionStrings__Postgres"] = connection + ";Maximum Pool Size=64";
    info.Environment["Limits__RequestsPerWindow"] = "1000000";
    // One account drives all clients: per-user rate limits and the concurrent-run cap would throttle the measurement.
    // The daily budget stays on (far away), so every model call still pays for its budget check.
    info.Environment["Limits__RunsPerMinutePerUser"] = "100000";
    info.Environment["Limits__MessagesPerMinutePerUser"] = "100000";
    info.Environment["Limits__MaxConcurrentRunsPerUser"] = "1000";
    info.Environment["Limits__DailyTokenBudget"] = "1000000000000";
    info.Environment["Limits__DailyCostBudgetUsd"] = "1000000";
    info.Environment["Auth__Bootstrap__Email"] = "bench@agentefilms.test";
    info.Environment["Auth__Bootstrap__Password"] = "Bench-pass-1";
    info.Environment["Auth__Bootstrap__ApiToken"] = BenchToken;
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    info.Environment["Runs__MaxConcurrentRuns"] = "16";
    info.Environment["Runs__PollIntervalMs"] = "200";
    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitReadyAsync(HttpClient http, Process app)
{
    for (var i = 0; i < 600; i++)
    {
        if (app.HasExited)
        {
            throw new InvalidOperationException("The app exited during start-up.");
        }
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(100);
    }
    throw new TimeoutException("The app did not become ready.");
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
