namespace AgenteFilms.Web.Infrastructure;

/// <summary>
/// Well-formed input that breaks a rule. The API answers a ValidationProblemDetails (errors per field and a
/// one-sentence detail); the UI shows the messages beside the fields. Nothing is saved.
/// </summary>
public sealed class InputValidationException : Exception
{
    public InputValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public InputValidationException(IDictionary<string, string[]> errors)
        : base(errors.Values.SelectMany(v => v).FirstOrDefault() ?? "The input is not valid.")
    {
        Errors = errors;
    }

    public IDictionary<string, string[]> Errors { get; }

    /// <summary>The first message for a field, for forms.</summary>
    public string? For(string field) => Errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;

    /// <summary>One sentence for the ProblemDetails <c>detail</c>.</summary>
    public string Detail => Errors.Count == 1
        ? Message
        : $"{Message} ({Errors.Count} fields need attention.)";
}
