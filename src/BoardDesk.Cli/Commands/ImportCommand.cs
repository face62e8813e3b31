using System.CommandLine;
using Spectre.Console;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Cli.Commands;

/// <summary>
/// <c>boarddesk import review &lt;review-id&gt; &lt;file.csv&gt;</c>: the API's all-or-nothing import of a review's
/// recommendations, with a progress bar counting the recommendations as they appear in the register.
/// </summary>
public static class ImportCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var reviewId = new Argument<string>("review-id") { Description = "The review, for example smith-2015." };
        var file = new Argument<FileInfo>("file") { Description = "The CSV file: a header row with number and text, and optionally heading, response, rationale, leadowner, leadfunction, supportingowners, status, rag, progresspercent." };
        var ownersOn = new Option<DateOnly?>("--owners-effective-on") { Description = "The date the file's owners took effect (default: today)." };
        var review = new Command("review", "Import a review's recommendations from CSV: checked whole, then recorded all or none; errors are named by row.") { reviewId, file, ownersOn };
        review.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliFailure($"There is no file {path.FullName}.", 2);
            }

            var id = parse.GetValue(reviewId)!;
            IReadOnlyList<RecommendationImportRow> rows;
            using (var reader = path.OpenText())
            {
                rows = await RecommendationCsv.ReadAsync(reader, parse.GetValue(ownersOn));
            }

            await connection.Grains.GetGrain<IReviewGrain>(id).GetAsync();
            CliProgram.SayActingAs(connection);
            var expected = rows.Select(r => $"{id}/{r.Number}").ToHashSet(StringComparer.Ordinal);
            var importing = connection.Grains.GetGrain<IRecommendationImportGrain>(Guid.NewGuid().ToString("N")).ImportAsync(id, rows);
            RecommendationImportDetails? imported = null;
            await CliProgram.Progress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {rows.Count} recommendations into {id}", maxValue: rows.Count);
                while (!importing.IsCompleted)
                {
                    await Task.WhenAny(importing, Task.Delay(250, cancellationToken));
                    var recorded = (await connection.ReadModels.AllAsync<RecommendationDetails>(cancellationToken)).Count(r => expected.Contains(r.Id));
                    task.Value = recorded;
                }

                imported = await importing;
                task.Value = rows.Count;
            });

            Console.WriteLine(imported!.Completed
                ? $"Imported {imported.RecommendationIds.Count} recommendations into {id}."
                : $"The import is recorded but not finished: {imported.Progress}");
            return imported.Completed ? 0 : 1;
        }));
        return new Command("import", "Import data.") { review };
    }
}
