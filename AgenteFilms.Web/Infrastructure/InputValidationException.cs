namespace AgenteFilms.Web.Infrastructure;

/// <summary>Well-formed input that breaks a rule. The API answers it with a ValidationProblemDetails; the UI shows the message beside the field.</summary>
public sealed class InputValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
