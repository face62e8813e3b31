using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>
/// The ASP.NET Core data-protection key ring in the shared database (migration 4), so a cookie or an antiforgery
/// token issued by one node is read by every other. Keys are only added, never changed, as the key manager expects;
/// a key two nodes create at the same moment is kept once under its name.
/// </summary>
public sealed class PostgreSqlKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
{
    private int _migrated;

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        Migrate();
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        Migrate();
        using var command = dataSource.CreateCommand("INSERT INTO data_protection_keys(name, xml) VALUES($1, $2) ON CONFLICT(name) DO NOTHING");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        if (Volatile.Read(ref _migrated) == 0)
        {
            PostgreSqlSchema.MigrateAsync(dataSource).GetAwaiter().GetResult();
            Volatile.Write(ref _migrated, 1);
        }
    }
}
