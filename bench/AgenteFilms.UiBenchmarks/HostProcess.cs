using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgenteFilms.UiBenchmarks;

/// <summary>
/// This program again, as <see cref="BenchHost"/>, in its own process: the server's heap then holds only the app and
/// its circuits, not the browser driver's objects.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;

    private HostProcess(Process process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        _dataFolder = dataFolder;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<HostProcess> StartAsync()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("agentefilms-uibench-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(HostProcess).Assembly.Location, "--host", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bench host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[host] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), data);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 1200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The bench host exited during start-up.");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The bench host did not become ready in 2 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
