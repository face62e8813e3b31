using Npgsql;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// BoardDesk's own schema on PostgreSQL, as versioned migrations: the journals, read-model documents and sealed boxes;
/// Orleans' reminders; Orleans' cluster membership; the ASP.NET Core data-protection key ring. Every node applies what
/// is missing at start (and <c>boarddesk migrate</c> does so ahead of a deployment); an advisory lock makes nodes
/// starting together apply each step once.
/// </summary>
public static class PostgreSqlSchema
{
    // An arbitrary constant that names BoardDesk's migration lock among the database's advisory locks.
    private const long MigrationLock = 0x426F617264L;

    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new(1, "journals, snapshots, read-model documents, sealed boxes, signed checkpoints", """
            CREATE TABLE events(
                grain     text   NOT NULL,
                seq       bigint NOT NULL,
                type      text   NOT NULL,
                payload   text   NOT NULL,
                at        text   NOT NULL,
                user_name text   NOT NULL,
                prev_hash bytea  NOT NULL,
                hash      bytea  NOT NULL,
                PRIMARY KEY (grain, seq));
            CREATE TABLE snapshots(
                grain   text    PRIMARY KEY,
                seq     bigint  NOT NULL,
                version integer NOT NULL,
                payload text    NOT NULL,
                hash    bytea   NOT NULL);
            CREATE TABLE documents(
                kind    text   NOT NULL,
                id      text   NOT NULL,
                payload text   NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE INDEX documents_by_version ON documents(kind, version);
            -- Rewritten whole at each change (every live row carries the last commit's xmin) and vacuumed eagerly, so
            -- that no superseded row version lingers: see PostgreSqlJournalStore.WriteSealedBoxAsync.
            CREATE TABLE sealed(
                grain text  NOT NULL,
                value bytea NOT NULL)
                WITH (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 0);
            CREATE INDEX sealed_by_grain ON sealed(grain);
            CREATE TABLE heads(
                grain     text   PRIMARY KEY,
                seq       bigint NOT NULL,
                hash      bytea  NOT NULL,
                signature bytea  NOT NULL);
            CREATE TABLE checkpoint(
                id        integer PRIMARY KEY CHECK (id = 1),
                journals  bigint  NOT NULL,
                combined  bytea   NOT NULL,
                signature bytea   NOT NULL,
                batches   bigint  NOT NULL);
            """),
        new(2, "Orleans reminders", """
            CREATE TABLE orleans_reminders(
                service_id text        NOT NULL,
                grain_id   text        NOT NULL,
                name       text        NOT NULL,
                hash       bigint      NOT NULL,
                start_at   timestamptz NOT NULL,
                period_ms  bigint      NOT NULL,
                etag       text        NOT NULL,
                PRIMARY KEY (service_id, grain_id, name));
            CREATE INDEX orleans_reminders_by_hash ON orleans_reminders(service_id, hash);
            """),
        new(3, "Orleans cluster membership", """
            CREATE TABLE orleans_membership_version(
                cluster_id text    PRIMARY KEY,
                version    integer NOT NULL,
                etag       text    NOT NULL);
            CREATE TABLE orleans_membership(
                cluster_id    text        NOT NULL REFERENCES orleans_membership_version(cluster_id) ON DELETE CASCADE,
                address       text        NOT NULL,
                status        integer     NOT NULL,
                proxy_port    integer     NOT NULL,
                host_name     text        NOT NULL,
                silo_name     text        NOT NULL,
                role_name     text        NOT NULL,
                update_zone   integer     NOT NULL,
                fault_zone    integer     NOT NULL,
                start_time    timestamptz NOT NULL,
                iamalive_time timestamptz NOT NULL,
                suspect_times text        NOT NULL,
                etag          text        NOT NULL,
                PRIMARY KEY (cluster_id, address));
            """),
        new(4, "ASP.NET Core data-protection keys", """
            CREATE TABLE data_protection_keys(
                name text PRIMARY KEY,
                xml  text NOT NULL);
            """),
        new(5, "register and action-log columns and indexes over the read-model documents", """
            -- Generated from each document as it is written, in the transaction that writes it, so a query on them sees
            -- exactly the documents of acknowledged commits. Text columns sort in code-point order ("C"), as the
            -- in-memory queries do; dates are ISO text, which sorts as dates.
            ALTER TABLE documents
                ADD COLUMN rec_review   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'reviewId' END) STORED,
                ADD COLUMN rec_number   integer          GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN ((payload::jsonb) ->> 'number')::integer END) STORED,
                ADD COLUMN rec_response text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'response' END) STORED,
                ADD COLUMN rec_status   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'status' END) STORED,
                ADD COLUMN rec_rag      text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'rag' END) STORED,
                ADD COLUMN rec_lead     text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) #>> '{leadOwner,organisationId}' END) STORED,
                ADD COLUMN rec_text     text             GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'text' END) STORED,
                ADD COLUMN rec_heading  text             GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'heading' END) STORED,
                ADD COLUMN act_board    text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) ->> 'boardId' END) STORED,
                ADD COLUMN act_owner    text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN lower((payload::jsonb) #>> '{owner,person}') END) STORED,
                ADD COLUMN act_org      text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) #>> '{owner,organisationId}' END) STORED,
                ADD COLUMN act_status   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) ->> 'status' END) STORED,
                ADD COLUMN act_source   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) #>> '{source,kind}' END) STORED,
                ADD COLUMN act_due      text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) ->> 'dueOn' END) STORED;
            CREATE INDEX documents_recommendations_in_order ON documents(rec_review, rec_number) WHERE kind = 'RecommendationDetails';
            CREATE INDEX documents_recommendations_by_lead ON documents(rec_lead) WHERE kind = 'RecommendationDetails';
            CREATE INDEX documents_recommendations_by_status ON documents(rec_status, rec_rag) WHERE kind = 'RecommendationDetails';
            CREATE INDEX documents_recommendations_by_response ON documents(rec_response) WHERE kind = 'RecommendationDetails';
            CREATE INDEX documents_actions_in_order ON documents(act_due, (id COLLATE "C")) WHERE kind = 'ActionDetails';
            CREATE INDEX documents_actions_by_board ON documents(act_board, act_due) WHERE kind = 'ActionDetails';
            CREATE INDEX documents_actions_by_owner ON documents(act_owner, act_due) WHERE kind = 'ActionDetails';
            CREATE INDEX documents_actions_by_organisation ON documents(act_org, act_due) WHERE kind = 'ActionDetails';
            CREATE INDEX documents_actions_by_status ON documents(act_status, act_due) WHERE kind = 'ActionDetails';
            """),
        new(6, "register lineage columns (the lead's function, the owners' date) and action owners as spelled", """
            -- What resolving a lead owner through the lineage needs besides the lead itself (OwnershipLineage.Resolve),
            -- so that an owner's inherited work is told apart from the index alone, without reading any payload; and the
            -- action owner as recorded (act_owner is lowercased for matching), for the action log's list of owners.
            ALTER TABLE documents
                ADD COLUMN rec_lead_function text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) #>> '{leadOwner,function}' END) STORED,
                ADD COLUMN rec_owners_since  text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'RecommendationDetails' THEN (payload::jsonb) ->> 'ownersSince' END) STORED,
                ADD COLUMN act_person        text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'ActionDetails' THEN (payload::jsonb) #>> '{owner,person}' END) STORED;
            CREATE INDEX documents_recommendations_by_lineage ON documents(rec_lead, rec_lead_function, rec_owners_since) WHERE kind = 'RecommendationDetails';
            CREATE INDEX documents_actions_owners_by_board ON documents(act_board, act_owner, act_person) WHERE kind = 'ActionDetails';
            """),
    ];

    /// <summary>Applies the steps the database lacks; returns the versions applied now (none when it was current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations(version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);
        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var now = new List<int>();
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations(version, description) VALUES($1, $2)", connection, transaction);
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
            now.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    /// <summary>The highest version the database holds, 0 for an empty one.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM schema_migrations) END");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
