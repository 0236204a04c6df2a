using System.Net;

namespace AgenteFilms.Agents.Providers.Http;

/// <summary>Names shared by the model HTTP pipeline: the named client and the per-request markers.</summary>
internal static class ModelHttp
{
    /// <summary>The named <see cref="HttpClient"/> (IHttpClientFactory) that carries every real provider's requests.</summary>
    public const string ClientName = "AgenteFilms.Llm";

    /// <summary>Which profile a request belongs to: selects that profile's resilience pipeline.</summary>
    public static readonly HttpRequestOptionsKey<string> ProfileKey = new("AgenteFilms.Llm.Profile");

    /// <summary>Counts the attempts of one logical request (retries included) for the final error message.</summary>
    public static readonly HttpRequestOptionsKey<AttemptTracker> AttemptsKey = new("AgenteFilms.Llm.Attempts");
}

/// <summary>Attempts of one logical model request; written by <see cref="AttemptCountingHandler"/>.</summary>
internal sealed class AttemptTracker
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public void Increment() => Interlocked.Increment(ref _attempts);
}

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt (the first and each retry).
/// </summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ModelHttp.AttemptsKey, out var tracker))
        {
            tracker.Increment();
        }
        return base.SendAsync(request, cancellationToken);
    }
}

internal static class HttpStatusText
{
    /// <summary>"503 Service Unavailable": the reason phrase if the server sent one, else the status name in words.</summary>
    public static string Describe(HttpStatusCode status, string? reasonPhrase)
    {
        var reason = string.IsNullOrWhiteSpace(reasonPhrase) ? SplitWords(status.ToString()) : reasonPhrase;
        return $"{(int)status} {reason}";
    }

    private static string SplitWords(string name)
    {
        if (int.TryParse(name, out _))
        {
            return "";
        }
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ');
            }
            builder.Append(name[i]);
        }
        return builder.ToString();
    }
}
