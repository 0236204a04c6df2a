using AgenteFilms.Data;
using AgenteFilms.Data.Entities;
using AgenteFilms.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AgenteFilms.Web.Features.Accounts;

public static class AccountsExtensions
{
    /// <summary>Picks Bearer when the request carries a token, else the Identity cookie.</summary>
    public const string Scheme = "CookieOrBearer";

    public const string LoginPath = "/account/login";

    /// <summary>
    /// Identity on our EF context (lockout after 5 failures, roles, no e-mail confirmation), cookie auth for pages,
    /// personal API tokens as Bearer for everything else (DECISIONS §6).
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        // Open circuits re-check their account now and then (a deleted or signed-out account leaves the page).
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<AccountSignOuts>();
        services.AddScoped<ICurrentUser, PrincipalCurrentUser>();
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<AccountDeletionService>();
        // Identity's stores want a scoped context; ours come from the factory, one per scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AgenteFilmsDbContext>>().CreateDbContext());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or Bearer", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasToken(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = LoginPath;
            o.Cookie.Name = ".AgenteFilms.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Identity's validator (set by AddIdentityCookies) checks the stamp only every 30 minutes: check it on every request.
            o.Events.OnValidatePrincipal = AccountStamp.RefusingStaleCookies(o.Events.OnValidatePrincipal);
            // Only pages redirect to the login page; every other route answers 401 with a Bearer challenge.
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsNonPage(context.Request.Path))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = ApiTokenAuthenticationHandler.SchemeName;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (IsNonPage(context.Request.Path))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();

        services.AddIdentityCore<AppUser>(o =>
            {
                // The Blazor template ships with lockout off; a password-guessing attacker gets five tries.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
                // No mail service in development: accounts work at once.
                o.SignIn.RequireConfirmedAccount = false;
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AgenteFilmsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return services;
    }

    /// <summary>Routes that are not pages: they answer 401/403, never a redirect to the login page.</summary>
    public static bool IsNonPage(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar")
        || path.StartsWithSegments("/sessions") || path.StartsWithSegments("/ws") || path.StartsWithSegments("/metrics")
        || path.StartsWithSegments("/health");

    /// <summary><c>POST /account/logout</c> (antiforgery-checked form post).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding the form is what makes minimal APIs enforce the antiforgery token (UseAntiforgery only validates).
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm(Name = "returnUrl")] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPath);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
