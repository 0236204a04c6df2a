using System.Net;
using AgenteFilms.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Http;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>Who may read /metrics, decided from the connection and the Authorization header alone.</summary>
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", null, null, MetricsAccess.Loopback)]
    [InlineData("127.0.0.53", null, null, MetricsAccess.Loopback)]
    [InlineData("::1", null, null, MetricsAccess.Loopback)]
    [InlineData("::ffff:127.0.0.1", null, null, MetricsAccess.Loopback)]
    [InlineData("::1", "token", null, MetricsAccess.Loopback)]
    [InlineData("203.0.113.7", null, null, MetricsAccess.LoopbackOnly)]
    [InlineData("203.0.113.7", null, "Bearer anything", MetricsAccess.LoopbackOnly)]
    [InlineData("203.0.113.7", "token", null, MetricsAccess.NeedsToken)]
    [InlineData("203.0.113.7", "token", "Bearer tokeN", MetricsAccess.NeedsToken)]
    [InlineData("203.0.113.7", "token", "Basic token", MetricsAccess.NeedsToken)]
    [InlineData("203.0.113.7", "token", "Bearer token", MetricsAccess.Token)]
    [InlineData("203.0.113.7", "token", "bearer  token ", MetricsAccess.Token)]
    [InlineData("::ffff:203.0.113.7", "token", null, MetricsAccess.NeedsToken)]
    [InlineData(null, null, null, MetricsAccess.LoopbackOnly)]
    [InlineData(null, "token", "Bearer token", MetricsAccess.Token)]
    public void Decide(string? address, string? scrapeToken, string? authorization, MetricsAccess expected)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        Assert.Equal(expected, MetricsAccessMiddleware.Decide(http, scrapeToken));
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    [InlineData("X-Real-IP")]
    public void ALoopbackConnectionThatAProxyRelayed_IsNotLocal(string header)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Headers[header] = "203.0.113.7";

        Assert.Equal(MetricsAccess.LoopbackOnly, MetricsAccessMiddleware.Decide(http, null));
        Assert.Equal(MetricsAccess.NeedsToken, MetricsAccessMiddleware.Decide(http, "token"));
    }
}
