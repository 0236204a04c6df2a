using System.Net;

namespace AgenteFilms.Agents.Providers;

/// <summary>What went wrong with a model request, in terms a person can act on.</summary>
public enum ModelFailureKind
{
    /// <summary>The server answered with an error status (see <see cref="ModelRequestException.StatusCode"/>).</summary>
    HttpError,
    /// <summary>No answer within the per-attempt or total timeout.</summary>
    Timeout,
    /// <summary>The host could not be reached (DNS, refused connection, TLS).</summary>
    Unreachable,
    /// <summary>The profile lacks something it needs (key, endpoint, model).</summary>
    Configuration,
}

/// <summary>
/// A model request that failed for good (after the retries the profile allows). The message names the profile and,
/// for HTTP errors, the status, e.g. "Model request to profile 'x' failed after 4 attempts: 503 Service Unavailable".
/// It never contains the API key.
/// </summary>
public sealed class ModelRequestException : Exception
{
    public ModelRequestException(
        string profileName,
        ModelFailureKind kind,
        string message,
        HttpStatusCode? statusCode = null,
        int attempts = 0,
        string? serverMessage = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ProfileName = profileName;
        Kind = kind;
        StatusCode = statusCode;
        Attempts = attempts;
        ServerMessage = serverMessage;
    }

    public string ProfileName { get; }

    public ModelFailureKind Kind { get; }

    /// <summary>The final HTTP status, when the server answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How many HTTP attempts were made (0 when none left the process).</summary>
    public int Attempts { get; }

    /// <summary>The provider's own error text (<c>error.message</c>), when it sent one.</summary>
    public string? ServerMessage { get; }
}
