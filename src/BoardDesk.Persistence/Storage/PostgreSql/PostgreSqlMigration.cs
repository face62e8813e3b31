namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>One step of BoardDesk's PostgreSQL schema: applied once, in order, recorded in <c>schema_migrations</c>.</summary>
/// <param name="Version">Its number; steps run in ascending order and are never renumbered or edited once released.</param>
/// <param name="Description">What it adds, as recorded.</param>
/// <param name="Sql">The statements.</param>
public sealed record PostgreSqlMigration(int Version, string Description, string Sql);
