using AgenteFilms.Data;

namespace AgenteFilms.Web.Infrastructure;

/// <summary>The acting user. Until accounts exist it is the one local user (DECISIONS §3).</summary>
public interface ICurrentUser
{
    Guid Id { get; }
}

internal sealed class LocalCurrentUser : ICurrentUser
{
    public Guid Id => LocalUser.Id;
}
