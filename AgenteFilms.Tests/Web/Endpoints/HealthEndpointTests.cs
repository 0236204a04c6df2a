using System.Net;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints;

public sealed class HealthEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task ReturnsHealthy_OnSqlite(string path)
    {
        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        using var client = app.CreateClient();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ReadyIsUnhealthy_AndLiveStaysUp_WhenTheDatabaseIsUnreachable()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:MigrateOnStartup"] = "false",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2",
        });
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready", Ct);
        var live = await client.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ReadyIsHealthy_OnPostgres()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        try
        {
            database.Require();
            await using var app = new AppFactory(database.AppSettings);
            using var client = app.CreateClient();

            var response = await client.GetAsync("/health/ready", Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
