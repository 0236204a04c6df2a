using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// The real app as a child process (the built AgenteFilms.Web.dll), for tests that kill or restart it, and for its
/// command-line commands (<see cref="RunCommandAsync"/>).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private bool _disposed;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>A client acting as <see cref="TestUser.Default"/>.</summary>
    public HttpClient CreateClient() => new HttpClient { BaseAddress = Address }.SignedIn();

    public string Output
    {
        get { lock (_output) { return string.Join('\n', _output); } }
    }

    /// <summary>
    /// Starts the app with the given settings (as environment variables) and waits until /health/ready answers 200.
    /// <paramref name="port"/> 0 picks a free one; a restart passes the previous one, so browsers keep their address.
    /// </summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, int port = 0)
    {
        var address = new Uri($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}");
        var info = StartInfo(settings, ["--urls", address.ToString().TrimEnd('/')]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{app.Output}");
            }
            try
            {
                if ((await client.GetAsync("/health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"The app did not become ready:\n{app.Output}");
    }

    /// <summary>
    /// Runs the app once with <paramref name="args"/> (e.g. <c>admin reset-password EMAIL</c>), feeding
    /// <paramref name="input"/> to its standard input, and returns how it exited and what it printed.
    /// </summary>
    public static async Task<CommandResult> RunCommandAsync(
        IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> args, string? input, CancellationToken cancellationToken)
    {
        var info = StartInfo(settings, args);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(process.ExitCode, await output, await error);
    }

    public sealed record CommandResult(int ExitCode, string Output, string Error);

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> settings, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgenteFilms.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Signed in by default, like AppFactory: the default test user and its token (see TestUser).
        foreach (var (key, value) in TestUser.Default.BootstrapSettings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return info;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
