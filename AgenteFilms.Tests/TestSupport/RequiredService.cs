namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// Tests that need PostgreSQL or Chromium skip on a developer machine without them (saying how to get them),
/// and fail in CI (<c>CI=true</c>), where a missing service must never pass silently.
/// </summary>
public static class RequiredService
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("AGENTEFILMS_REQUIRE_SERVICES") == "1";

    public static void Missing(string what, string howToGet)
    {
        var message = $"{what} is not available. {howToGet}";
        if (IsCi)
        {
            Assert.Fail(message + " (CI=true: a missing service is a failure.)");
        }
        Assert.Skip(message);
    }
}
