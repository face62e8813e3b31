using Xunit;

namespace BoardDesk.Testing;

/// <summary>A fact that needs PostgreSQL: skipped with a reason where none answers, except under <c>CI=true</c>.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason from <see cref="PostgreSql.SkipReason"/>.</summary>
    public PostgreSqlFactAttribute()
    {
        Skip = PostgreSql.SkipReason!;
    }
}
