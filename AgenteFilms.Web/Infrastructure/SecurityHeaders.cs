using System.Security.Cryptography;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// Response headers that make injected markup inert (DECISIONS §9): a Content-Security-Policy whose only inline script
/// is Blazor's import map, carrying a per-request nonce (<see cref="NonceOf"/>, rendered by <c>App.razor</c>); MudBlazor's
/// inline styles are allowed, script injection is not. Plus <c>X-Content-Type-Options</c> and <c>Referrer-Policy</c>.
/// HSTS is added outside development by <c>UseHsts</c>.
/// </summary>
public static class SecurityHeaders
{
    private static readonly object s_nonceKey = new();

    /// <summary>The nonce of this request's inline import map.</summary>
    public static string NonceOf(HttpContext context) =>
        context.Items.TryGetValue(s_nonceKey, out var nonce) && nonce is string value ? value : "";

    public static string PolicyFor(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference at <c>/scalar</c> starts itself with an inline module script that takes no nonce, and its
    /// bundle evaluates code. It shows only our OpenAPI document, never users' text, so it alone may do both.
    /// </summary>
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Hex: nothing in it needs HTML encoding, so the attribute Razor renders is the header's value byte for byte.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[s_nonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : PolicyFor(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        await next(context);
    });
}
