using System.Net.Http.Headers;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// An account for tests. <see cref="Default"/> is provisioned in every app the tests start (AppFactory, AppProcess)
/// through the <c>Auth:Bootstrap:*</c> settings, so clients and browsers are signed in by default.
/// </summary>
public sealed record TestUser(string Email, string Password, string ApiToken)
{
    public static TestUser Default { get; } = new("writer@agentefilms.test", "Writer-pass-1", "af_test-default-writer-token-0123456789");

    /// <summary>A second, distinct account (user B in authorization tests); not provisioned until a test creates it.</summary>
    public static TestUser Other { get; } = new("other@agentefilms.test", "Other-pass-1", "af_test-other-user-token-0123456789");

    /// <summary>The settings that provision this user at start-up (what AppFactory and AppProcess add by default).</summary>
    public IReadOnlyDictionary<string, string?> BootstrapSettings => new Dictionary<string, string?>
    {
        ["Auth:Bootstrap:Email"] = Email,
        ["Auth:Bootstrap:Password"] = Password,
        ["Auth:Bootstrap:ApiToken"] = ApiToken,
    };
}

public static class TestUserHttpExtensions
{
    /// <summary>Sends <paramref name="user"/>'s API token (default: <see cref="TestUser.Default"/>) as a Bearer token.</summary>
    public static HttpClient SignedIn(this HttpClient client, TestUser? user = null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (user ?? TestUser.Default).ApiToken);
        return client;
    }
}
