using System.Globalization;
using BoardDesk.Grains;
using BoardDesk.Recommendations;
using CsvHelper;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Reads a review's recommendations from CSV. Columns (header row required, any order, case ignored):
/// <c>number</c> and <c>text</c> (required), <c>heading</c>, <c>response</c>, <c>rationale</c>, <c>leadOwner</c>,
/// <c>leadFunction</c>, <c>supportingOwners</c> (ids separated by <c>;</c>), <c>status</c>, <c>rag</c>,
/// <c>progressPercent</c>. Enum values may be written as words ("accepted in full"). Every row is read before
/// anything is answered; each bad row is reported as <c>row N</c> (the header is row 1).
/// </summary>
public static class RecommendationCsv
{
    private static readonly string[] Columns =
        ["number", "text", "heading", "response", "rationale", "leadowner", "leadfunction", "supportingowners", "status", "rag", "progresspercent"];

    /// <summary>Reads the rows of an import file; a <see cref="ValidationException"/> names every bad row and field.</summary>
    public static async Task<IReadOnlyList<RecommendationImportRow>> ReadAsync(TextReader reader, DateOnly? ownersEffectiveOn)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        await using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var rows = new List<RecommendationImportRow>();
        var errors = new Dictionary<string, string[]>();
        try
        {
            await csv.ReadHeaderAsync();
            var names = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (names.Count == 0)
            {
                throw new ValidationException("file", "The file is empty; it needs a header row and at least one recommendation.");
            }

            var unknown = names.Where(n => !Columns.Contains(n)).ToList();
            if (unknown.Count > 0 || !names.Contains("number") || !names.Contains("text"))
            {
                throw new ValidationException("row 1", $"The header needs the columns number and text and may have {string.Join(", ", Columns.Skip(2))}; unknown: {(unknown.Count == 0 ? "none" : string.Join(", ", unknown))}.");
            }

            while (await csv.ReadAsync())
            {
                // RowNumber counts data records only; the file's row number counts the header too.
                var row = (int)csv.RowNumber + 1;
                try
                {
                    rows.Add(ReadRow(csv, row, ownersEffectiveOn));
                }
                catch (RowException bad)
                {
                    errors[$"row {row}"] = [bad.Message];
                }
            }
        }
        catch (CsvFormatException bad)
        {
            errors[$"row {bad.RecordNumber}"] = ["The row is not valid CSV: check its quotes and its number of fields."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return rows.Count == 0 ? throw new ValidationException("file", "The file has a header but no recommendations.") : rows;
    }

    private static RecommendationImportRow ReadRow(CsvReader csv, int row, DateOnly? ownersEffectiveOn)
    {
        string? Field(string name) => csv.TryGetFieldIndex(name, out var index) && csv.GetStringOrNull(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (!int.TryParse(Field("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new RowException("number must be a whole number from 1.");
        }

        var text = Field("text") ?? throw new RowException("text is required.");
        var percent = 0;
        if (Field("progresspercent") is { } percentText && !int.TryParse(percentText, NumberStyles.None, CultureInfo.InvariantCulture, out percent))
        {
            throw new RowException("progressPercent must be a whole number from 0 to 100.");
        }

        var lead = Field("leadowner") is { } leadId ? new OwnerRef(leadId, Field("leadfunction")) : null;
        if (lead is null && Field("leadfunction") is not null)
        {
            throw new RowException("leadFunction needs a leadOwner.");
        }

        var supporting = (Field("supportingowners") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => new OwnerRef(id)).ToList();
        return new RecommendationImportRow(row, number, new CreateRecommendation(
            text,
            Field("heading"),
            ParseEnum<GovernmentResponse>(Field("response"), "response"),
            Field("rationale"),
            lead,
            supporting,
            ownersEffectiveOn,
            ParseEnum<ImplementationStatus>(Field("status"), "status") ?? ImplementationStatus.NotStarted,
            ParseEnum<RagRating>(Field("rag"), "rag"),
            percent));
    }

    private static T? ParseEnum<T>(string? value, string column) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        var compact = new string(value.Where(char.IsLetter).ToArray());
        return Enum.GetValues<T>().FirstOrDefault(v => string.Equals(v.ToString(), compact, StringComparison.OrdinalIgnoreCase)) is var match
            && string.Equals(match.ToString(), compact, StringComparison.OrdinalIgnoreCase)
            ? match
            : throw new RowException($"{column} '{value}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
    }

    /// <summary>One row is bad; the reader carries on to report every bad row at once.</summary>
    // Caught within this parser to name the bad row; it never leaves the class, so it needs no Orleans serializer.
    private sealed class RowException(string message) : Exception(message);
}
