using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// The in-process test server has no client address. An app built <see cref="WithClientAddress"/> takes it from the
/// request header <see cref="Header"/>, so a test can call as a loopback client or as a remote one.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>A documentation address (TEST-NET-3): a remote client; no traffic goes anywhere.</summary>
    public static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    public static WebApplicationFactory<Program> WithClientAddress(this WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, Filter>()));

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient CreateClientFrom(this WebApplicationFactory<Program> app, IPAddress address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address.ToString());
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
