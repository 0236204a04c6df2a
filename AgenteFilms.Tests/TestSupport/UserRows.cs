using AgenteFilms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// Every row of every table in the EF model (enumerated from the model, so a table added later is covered too),
/// reduced to the Guid values it holds, to find which rows belong to or mention an account: the user's row, rows
/// holding its id (owner, user, author columns) and, transitively, rows holding the id of such a row (a pitch's
/// runs, a run's steps, a step's answers...).
/// </summary>
public sealed class UserRows
{
    private readonly IReadOnlyList<Table> _tables;

    private UserRows(IReadOnlyList<Table> tables) => _tables = tables;

    private sealed record Table(string Name, IReadOnlyList<Row> Rows);

    /// <summary>One row: its own id when its key is a single Guid column, and every Guid value in it.</summary>
    private sealed record Row(Guid? Key, IReadOnlyList<Guid> Values);

    /// <summary>The names of every table in the model.</summary>
    public IEnumerable<string> TableNames => _tables.Select(t => t.Name);

    public static async Task<UserRows> ReadAsync(IDbContextFactory<AgenteFilmsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tables = new List<Table>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var guids = entity.GetProperties().Where(p => p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)).ToList();
            var key = entity.FindPrimaryKey() is { Properties: [{ } single] } && guids.Contains(single) ? single : null;
            var rows = new List<Row>();
            foreach (var item in await LoadAsync(db, entity, cancellationToken))
            {
                var values = guids.Select(p => p.GetGetter().GetClrValue(item)).OfType<Guid>().ToList();
                rows.Add(new Row(key?.GetGetter().GetClrValue(item) as Guid?, values));
            }
            tables.Add(new Table(entity.GetTableName()!, rows));
        }
        return new UserRows(tables);
    }

    /// <summary>The ids that belong to <paramref name="userId"/>: its own, and those of every row that reaches it.</summary>
    public HashSet<Guid> IdsOf(Guid userId)
    {
        var owned = new HashSet<Guid> { userId };
        bool grew;
        do
        {
            grew = false;
            foreach (var row in _tables.SelectMany(t => t.Rows))
            {
                if (row.Key is { } key && !owned.Contains(key) && row.Values.Any(owned.Contains))
                {
                    grew |= owned.Add(key);
                }
            }
        }
        while (grew);
        return owned;
    }

    /// <summary>Per table, how many rows hold one of <paramref name="ids"/> and none of <paramref name="except"/>.</summary>
    public Dictionary<string, int> Count(IReadOnlySet<Guid> ids, IReadOnlySet<Guid>? except = null) =>
        _tables.GroupBy(t => t.Name).ToDictionary(
            g => g.Key,
            g => g.SelectMany(t => t.Rows).Count(r => r.Values.Any(ids.Contains) && (except is null || !r.Values.Any(except.Contains))));

    private static async Task<List<object>> LoadAsync(AgenteFilmsDbContext db, IEntityType entity, CancellationToken cancellationToken)
    {
        var set = typeof(DbContext).GetMethods()
            .Single(m => m.Name == nameof(DbContext.Set) && m.IsGenericMethodDefinition && m.GetParameters().Length == 0)
            .MakeGenericMethod(entity.ClrType)
            .Invoke(db, null)!;
        return await ((IQueryable<object>)set).AsNoTracking().ToListAsync(cancellationToken);
    }
}
