namespace AgenteFilms.Web.Infrastructure;

/// <summary>The user may see the object but not do this to it (a viewer writing, a producer creating): 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
