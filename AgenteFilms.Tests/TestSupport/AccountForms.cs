using System.Text.RegularExpressions;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>Posting the static account forms over plain HTTP, as a browser would (antiforgery token from the page).</summary>
public static partial class AccountForms
{
    /// <summary>GETs <paramref name="path"/>, then posts its form <paramref name="formName"/> with <paramref name="fields"/> (and the page's antiforgery token unless told not to).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withAntiforgery)
        {
            form["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password, string role = "Writer") =>
        client.PostFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password, ["Input.Role"] = role,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
