using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgenteFilms.Data.Entities;
using AgenteFilms.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Accounts;

/// <summary>
/// Every API endpoint, enumerated from the app's endpoint data source (a new endpoint cannot be forgotten), and the
/// workspace pages: anonymous callers get 401 (API) or the login page (pages); user B gets 404 for user A's pitch;
/// a viewer A shared the pitch with can read it and is refused (403) anything that changes it.
/// </summary>
public abstract class AuthorizationMatrixTests<TDatabase>(AppFixture<TDatabase> fixture) : IClassFixture<AppFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Routes that are anonymous on purpose (DECISIONS §6); everything else must refuse an anonymous caller.</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "/health", "/health/live", "/health/ready", "/account/logout",
        "/share/{token}/pitch.pdf", "/share/{token}/pitch.md", "/share/{token}/pitch.fountain",
        // Its own rule, not accounts: loopback clients or Metrics:ScrapeToken (DECISIONS §6; Operations tests).
        "/metrics",
        // The seed surface switched off (Compat:Enabled=false) answers only that it is off.
        "/sessions/{**rest}", "/ws/sessions/{**rest}",
    ];

    private AppFactory App => fixture.Require().App;

    private sealed record Route(string Method, string Pattern, bool OwnerOnlyRead);

    private IReadOnlyList<Route> Routes()
    {
        using var client = App.CreateClient(); // starts the app
        return App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && NonPage(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new Route(m, "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    e.Metadata.GetMetadata<AgenteFilms.Web.Endpoints.OwnerOnlyAttribute>() is not null)))
            .Distinct()
            .ToList();
    }

    private static bool NonPage(string raw) => !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith("_", StringComparison.Ordinal)
        && AgenteFilms.Web.Features.Accounts.AccountsExtensions.IsNonPage("/" + raw.TrimStart('/'))
        || raw.TrimStart('/').StartsWith("share/{token}/", StringComparison.Ordinal) || raw.TrimStart('/') == "account/logout";

    // Scalar's own files (scripts, icons): public code, no data. The reference page and the OpenAPI document need a token.
    private static bool IsScalarAsset(string pattern) =>
        pattern.StartsWith("/scalar/", StringComparison.Ordinal) && Path.HasExtension(pattern);

    [Fact]
    public async Task AnonymousCallers_Get401WithABearerChallenge_OnEveryNonPublicEndpoint()
    {
        var routes = Routes();
        Assert.Contains(routes, r => r.Pattern == "/api/sessions/{id}/pitch.pdf");
        Assert.Contains(routes, r => r is { Method: "DELETE", Pattern: "/api/account" });
        using var anonymous = App.CreateAnonymousClient();
        var session = Guid.NewGuid();
        foreach (var route in routes.Where(r => !AnonymousRoutes.Contains(r.Pattern) && !IsScalarAsset(r.Pattern)))
        {
            var response = await anonymous.SendAsync(Request(route, session, Guid.NewGuid(), "x"), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Pattern} answered {(int)response.StatusCode} to an anonymous caller");
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task AnotherUser_Gets404_ForEverySessionEndpoint_OfSomeoneElsesPitch()
    {
        var (owner, session, run) = await OwnersPitchAsync();
        var (other, _) = await App.CreateClientForAsync(TestUser.Other);
        foreach (var route in Routes().Where(r => r.Pattern.StartsWith("/api/sessions/{id}", StringComparison.Ordinal)))
        {
            var response = await other.SendAsync(Request(route, session, run, Guid.NewGuid().ToString()), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {route.Pattern} answered {(int)response.StatusCode} to another user");
        }
        // The owner still sees it, and the other user's list does not contain it.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/sessions/{session}", Ct)).StatusCode);
        Assert.DoesNotContain(session.ToString(), await other.GetStringAsync("/api/sessions", Ct));
    }

    [Fact]
    public async Task AViewer_ReadsASharedPitch_AndIsRefusedEveryChange()
    {
        var viewerUser = new TestUser($"viewer-{typeof(TDatabase).Name}@agentefilms.test", "Viewer-pass-1", $"af_test-viewer-{typeof(TDatabase).Name}-0123456789");
        var (owner, session, run) = await OwnersPitchAsync();
        var (viewer, viewerId) = await App.CreateClientForAsync(viewerUser, AppRoles.Producer);
        var shared = await owner.PostAsJsonAsync($"/api/sessions/{session}/viewers", new { email = viewerUser.Email }, Ct);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);

        foreach (var route in Routes().Where(r => r.Pattern.StartsWith("/api/sessions/{id}", StringComparison.Ordinal)))
        {
            if (route.Pattern.EndsWith("/events", StringComparison.Ordinal))
            {
                continue; // a stream that stays open; its access check is the same filter as every other read
            }
            var response = await viewer.SendAsync(Request(route, session, run, viewerId.ToString()), Ct);
            var status = (int)response.StatusCode;
            if (route.Method == "GET" && !route.OwnerOnlyRead)
            {
                Assert.True(status is 200, $"{route.Method} {route.Pattern} answered {status} to a viewer");
            }
            else
            {
                Assert.True(status == 403, $"{route.Method} {route.Pattern} answered {status} to a viewer");
            }
        }
        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/sessions", Ct);
        Assert.DoesNotContain(session.ToString(), list.ToString());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/sessions/{session}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pitches/new")]
    [InlineData("/pitches/{id}")]
    [InlineData("/account/change-password")]
    [InlineData("/account/tokens")]
    [InlineData("/account/delete")]
    [InlineData("/settings")]
    public async Task AnonymousPageRequests_RedirectToTheLoginPage(string page)
    {
        using var anonymous = App.CreateAnonymousClient();
        var path = page.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task TheWorkspace_OfSomeoneElsesPitch_Answers404WithTheNotFoundPage_AndNothingOfIt()
    {
        var (_, session, _) = await OwnersPitchAsync();
        var (other, _) = await App.CreateClientForAsync(TestUser.Other);

        var response = await other.GetAsync($"/pitches/{session}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        // The same answer as for a pitch that never existed: no existence leak.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/pitches/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Contains("data-testid=\"page-not-found\"", html);
        Assert.DoesNotContain("Matrix Pitch", html);
    }

    private async Task<(HttpClient Owner, Guid Session, Guid Run)> OwnersPitchAsync()
    {
        var owner = App.CreateClient();
        var session = await owner.CreateSessionAsync("Matrix Pitch", "A lighthouse keeper's logbook predicts storms that have not happened yet");
        var done = await owner.PostMessageAsync(session, "Pitch it", wait: true);
        var run = (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("runId").GetGuid();
        return (owner, session, run);
    }

    private static HttpRequestMessage Request(Route route, Guid session, Guid run, string userId)
    {
        var path = route.Pattern.Replace("{id}", session.ToString(), StringComparison.Ordinal)
            .Replace("{runId}", run.ToString(), StringComparison.Ordinal)
            .Replace("{linkId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{userId}", userId, StringComparison.Ordinal)
            .Replace("{token}", "not-a-token", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "v1", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { message = "Make it darker", section = "logline", email = "nobody@agentefilms.test", title = "T", concept = "A concept long enough to pass validation" });
        }
        return request;
    }
}

public sealed class SqliteAuthorizationMatrixTests(AppFixture<SqliteTestDatabase> fixture) : AuthorizationMatrixTests<SqliteTestDatabase>(fixture);

public sealed class PostgresAuthorizationMatrixTests(AppFixture<PostgresTestDatabase> fixture) : AuthorizationMatrixTests<PostgresTestDatabase>(fixture);
