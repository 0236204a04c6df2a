using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>An acting user with a chosen id, for services and components under test.</summary>
public sealed record FixedUser(Guid Id) : ICurrentUser;
