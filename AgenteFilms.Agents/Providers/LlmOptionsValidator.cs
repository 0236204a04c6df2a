using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Checks what data annotations cannot: the default profile exists, and each real provider has an endpoint and a model
/// where it needs them. A missing API key is not a start-up error (the offline model keeps working); using that
/// profile fails with a message saying which setting to add.
/// </summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (!options.Profiles.Keys.Any(k => string.Equals(k, options.DefaultProfile, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Llm:DefaultProfile '{options.DefaultProfile}' is not one of Llm:Profiles ({string.Join(", ", options.Profiles.Keys)}).");
        }

        foreach (var (profileName, profile) in options.Profiles)
        {
            var prefix = $"Llm:Profiles:{profileName}";
            if (profile is null)
            {
                failures.Add($"{prefix} is empty.");
                continue;
            }
            // Data annotations on LlmOptions do not reach into the dictionary's values.
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(profile, new ValidationContext(profile), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{prefix}: {r.ErrorMessage}"));
            }
            if (profile.Provider != LlmProvider.Offline && string.IsNullOrWhiteSpace(profile.Model)
                && !(profile.Provider == LlmProvider.AzureOpenAI && !string.IsNullOrWhiteSpace(profile.Deployment)))
            {
                failures.Add($"{prefix}:Model is required for provider {profile.Provider}.");
            }
            if (profile.Provider is LlmProvider.OpenAICompatible or LlmProvider.AzureOpenAI && string.IsNullOrWhiteSpace(profile.Endpoint))
            {
                failures.Add($"{prefix}:Endpoint is required for provider {profile.Provider}.");
            }
            if (!string.IsNullOrWhiteSpace(profile.Endpoint)
                && !(Uri.TryCreate(profile.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                failures.Add($"{prefix}:Endpoint '{profile.Endpoint}' is not an absolute http(s) URL.");
            }
            if (profile.TotalTimeoutSeconds < profile.AttemptTimeoutSeconds)
            {
                failures.Add($"{prefix}:TotalTimeoutSeconds ({profile.TotalTimeoutSeconds}) is shorter than AttemptTimeoutSeconds ({profile.AttemptTimeoutSeconds}).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
