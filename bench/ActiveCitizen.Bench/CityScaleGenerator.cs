using System.Diagnostics;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.Bench;

/// <summary>
/// Fills a fresh database (same schema and migrations as the app) with a city's volume: projects, residents, ideas in English and
/// Russian, and supports with the skew real ones have (a few ideas gather thousands, most gather a handful). Deterministic: the
/// same options give the same database.
/// </summary>
public static class CityScaleGenerator
{
    /// <summary>Words that each occur in only a few dozen ideas, for the "rare word" searches.</summary>
    public static readonly string[] RareWords = ["samovar", "gazebo", "carousel"];

    /// <summary>Words that each occur in a large share of ideas (one in seven or more), for the "common word" searches.</summary>
    public static readonly string[] CommonWords = ["park", "benches", "lamps", "парк", "скамейки", "фонари"];

    public static async Task<int> RunAsync(Options options)
    {
        var path = options.Path("db", "bench/data/city.db");
        var ideas = options.Number("ideas", 100_000);
        var projects = options.Number("projects", 20);
        var residents = options.Number("residents", 50_000);
        var supports = options.Number("supports", 1_000_000);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        await using (var db = BenchDatabase.Context(path))
        {
            await db.Database.MigrateAsync();
        }
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        var random = new Random(20261129);
        var start = new DateTime(2025, 1, 13, 7, 0, 0, DateTimeKind.Utc);

        var userIds = await InsertResidentsAsync(connection, residents, start);
        Console.WriteLine($"{residents:N0} residents ({watch.Elapsed.TotalSeconds:F1} s)");
        var projectRows = await InsertProjectsAsync(connection, projects, start);
        Console.WriteLine($"{projects:N0} projects ({watch.Elapsed.TotalSeconds:F1} s)");
        var ideaRows = await InsertIdeasAsync(connection, ideas, supports, projectRows, userIds, random);
        Console.WriteLine($"{ideas:N0} ideas ({watch.Elapsed.TotalSeconds:F1} s)");
        await InsertSupportsAsync(connection, ideaRows, userIds, random);
        Console.WriteLine($"{supports:N0} supports ({watch.Elapsed.TotalSeconds:F1} s)");
        await InsertTagsAsync(connection, ideaRows, random);
        // Statistics for the query planner, as a long-running database gathers with PRAGMA optimize.
        await Execute(connection, "ANALYZE; PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"Done: {path} ({new FileInfo(path).Length / 1024 / 1024:N0} MB) in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    internal static async Task<List<string>> InsertResidentsAsync(SqliteConnection connection, int count, DateTime start)
    {
        var ids = new List<string>(count);
        await using var transaction = connection.BeginTransaction();
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, NormalizedDisplayName,
                District, RegisteredAt, Theme)
            VALUES ($id, $email, $normalized, $email, $normalized, 1, NULL, $stamp, $stamp, 0, 0, 1, 0, $name, $normalizedName, $district, $registered, 'System')
            """;
        var parameters = new[] { "$id", "$email", "$normalized", "$stamp", "$name", "$normalizedName", "$district", "$registered" }
            .Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        for (var index = 0; index < count; index++)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"resident{index}@bench.activecitizen.example";
            var name = $"{Texts.FirstNames[index % Texts.FirstNames.Length]} {Texts.LastNames[index / Texts.FirstNames.Length % Texts.LastNames.Length]}";
            parameters[0].Value = id;
            parameters[1].Value = email;
            parameters[2].Value = email.ToUpperInvariant();
            parameters[3].Value = id;
            parameters[4].Value = name;
            parameters[5].Value = name.ToUpperInvariant();
            parameters[6].Value = Texts.Districts[index % Texts.Districts.Length];
            parameters[7].Value = Stored(start.AddMinutes(index));
            await command.ExecuteNonQueryAsync();
            ids.Add(id);
        }
        await transaction.CommitAsync();
        return ids;
    }

    private sealed record ProjectRow(int Id, DateTime SubmissionStart, DateTime SubmissionEnd, bool Decided, int[] Categories, double Weight);

    private static async Task<List<ProjectRow>> InsertProjectsAsync(SqliteConnection connection, int count, DateTime start)
    {
        var rows = new List<ProjectRow>();
        await using var transaction = connection.BeginTransaction();
        for (var index = 0; index < count; index++)
        {
            // A project opens every week and takes ideas for ten days, so neighbouring projects' submissions interleave (as in a
            // city running several at once); the last ones are still running. Popular topics draw many more ideas.
            var opens = start.AddDays(7 * index);
            var (topicEn, topicRu) = Texts.Topics[index % Texts.Topics.Length];
            var id = await Scalar(connection, """
                INSERT INTO Projects (Slug, Title_En, Title_Ru, Summary_En, Summary_Ru, Description_En, Description_Ru, CreatedAt, Version)
                VALUES ($slug, $titleEn, $titleRu, $summaryEn, $summaryRu, $summaryEn, $summaryRu, $created, 0);
                SELECT last_insert_rowid();
                """,
                ("$slug", $"project-{index + 1}"), ("$titleEn", $"How to improve {topicEn}"), ("$titleRu", $"Как улучшить: {topicRu}"),
                ("$summaryEn", $"Residents propose how to improve {topicEn}."), ("$summaryRu", $"Жители предлагают, как улучшить: {topicRu}."),
                ("$created", Stored(opens.AddDays(-3))));
            var phases = new (PhaseKind Kind, int From, int To, PhaseActions Opens)[]
            {
                (PhaseKind.Announcement, -3, 0, PhaseActions.None),
                (PhaseKind.Submission, 0, 10, PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment),
                (PhaseKind.Screening, 10, 14, PhaseActions.Comment),
                (PhaseKind.Discussion, 14, 28, PhaseActions.Support | PhaseActions.Comment),
                (PhaseKind.Commission, 28, 35, PhaseActions.None),
                (PhaseKind.Results, 35, 42, PhaseActions.Comment),
                (PhaseKind.Implementation, 42, 400, PhaseActions.Comment),
            };
            foreach (var phase in phases)
            {
                await Scalar(connection, "INSERT INTO ProjectPhases (ProjectId, Kind, StartsAt, EndsAt, Opens) VALUES ($project, $kind, $starts, $ends, $opens); SELECT 0;",
                    ("$project", id), ("$kind", phase.Kind.ToString()), ("$starts", Stored(opens.AddDays(phase.From))), ("$ends", Stored(opens.AddDays(phase.To))),
                    ("$opens", (int)phase.Opens));
            }
            var categories = new List<int>();
            foreach (var (en, ru) in Texts.Categories)
            {
                categories.Add((int)await Scalar(connection, "INSERT INTO ProjectCategories (ProjectId, Name_En, Name_Ru) VALUES ($project, $en, $ru); SELECT last_insert_rowid();",
                    ("$project", id), ("$en", en), ("$ru", ru)));
            }
            rows.Add(new ProjectRow((int)id, opens, opens.AddDays(10), index < count - 2, [.. categories], 1.0 / (1 + index % 7)));
        }
        await transaction.CommitAsync();
        return rows;
    }

    private sealed record IdeaRow(int Id, int ProjectId, string AuthorId, int Supports);

    private static async Task<List<IdeaRow>> InsertIdeasAsync(
        SqliteConnection connection, int count, int totalSupports, List<ProjectRow> projects, List<string> userIds, Random random)
    {
        // Supports follow a heavy-tailed (Pareto) law: most ideas gather a handful, a few gather thousands.
        var weights = Enumerable.Range(0, count).Select(_ => Math.Min(Math.Pow(1 - random.NextDouble(), -1.3), 5_000)).ToArray();
        var scale = totalSupports / weights.Sum();
        var supportCounts = weights.Select(weight => Math.Min(userIds.Count - 1, (int)Math.Round(weight * scale))).ToArray();
        var shareTotal = projects.Sum(project => project.Weight);
        var perProject = projects.Select(project => (int)(count * project.Weight / shareTotal)).ToArray();
        perProject[0] += count - perProject.Sum();

        // Every idea gets its project and its moment first; then they are inserted in time order across all projects, so ids
        // follow submission time (as in production) while open projects' ids interleave.
        var planned = new List<(DateTime At, ProjectRow Project)>(count);
        for (var projectIndex = 0; projectIndex < projects.Count; projectIndex++)
        {
            var project = projects[projectIndex];
            var window = (project.SubmissionEnd - project.SubmissionStart).TotalSeconds;
            for (var index = 0; index < perProject[projectIndex]; index++)
            {
                planned.Add((project.SubmissionStart.AddSeconds(window * (index + 1) / (perProject[projectIndex] + 1)), project));
            }
        }
        planned.Sort((left, right) => left.At.CompareTo(right.At));

        var rows = new List<IdeaRow>(count);
        await using var transaction = connection.BeginTransaction();
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Ideas (ProjectId, CategoryId, AuthorId, Title, Description, District, State, StateReason, SubmittedAt, SupportCount,
                SupportChanges, CommentCount, SubmissionKey, Version)
            VALUES ($project, $category, $author, $title, $description, $district, $state, NULL, $submitted, $supports, $supports, $comments, $key, 0);
            SELECT last_insert_rowid();
            """;
        var parameters = new[] { "$project", "$category", "$author", "$title", "$description", "$district", "$state", "$submitted", "$supports", "$comments", "$key" }
            .Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        for (var ideaIndex = 0; ideaIndex < planned.Count; ideaIndex++)
        {
            var (at, project) = planned[ideaIndex];
            var (title, description) = Texts.Idea(random, ideaIndex);
            var author = userIds[random.Next(userIds.Count)];
            parameters[0].Value = project.Id;
            parameters[1].Value = project.Categories[random.Next(project.Categories.Length)];
            parameters[2].Value = author;
            parameters[3].Value = title;
            parameters[4].Value = description;
            parameters[5].Value = Texts.Districts[random.Next(Texts.Districts.Length)];
            parameters[6].Value = project.Decided ? Texts.DecidedStates[random.Next(Texts.DecidedStates.Length)] : "Submitted";
            parameters[7].Value = Stored(at);
            parameters[8].Value = supportCounts[ideaIndex];
            parameters[9].Value = (int)(Math.Pow(random.NextDouble(), 4) * 150);
            parameters[10].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            rows.Add(new IdeaRow(Convert.ToInt32(await command.ExecuteScalarAsync()), project.Id, author, supportCounts[ideaIndex]));
        }
        await transaction.CommitAsync();
        return rows;
    }

    private static async Task InsertSupportsAsync(SqliteConnection connection, List<IdeaRow> ideas, List<string> userIds, Random random)
    {
        await using var transaction = connection.BeginTransaction();
        var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO IdeaSupports (IdeaId, UserId, SupportedAt) VALUES ($idea, $user, $at)";
        var idea = command.Parameters.Add(new SqliteParameter("$idea", null));
        var user = command.Parameters.Add(new SqliteParameter("$user", null));
        var at = command.Parameters.Add(new SqliteParameter("$at", Stored(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        var participants = connection.CreateCommand();
        participants.CommandText = "INSERT INTO ProjectParticipants (ProjectId, UserId) VALUES ($project, $user) ON CONFLICT DO NOTHING";
        var participantProject = participants.Parameters.Add(new SqliteParameter("$project", null));
        var participant = participants.Parameters.Add(new SqliteParameter("$user", null));
        var chosen = new HashSet<int>();
        foreach (var row in ideas)
        {
            chosen.Clear();
            while (chosen.Count < row.Supports)
            {
                chosen.Add(random.Next(userIds.Count));
            }
            idea.Value = row.Id;
            participantProject.Value = row.ProjectId;
            participant.Value = row.AuthorId;
            await participants.ExecuteNonQueryAsync();
            foreach (var index in chosen)
            {
                user.Value = userIds[index];
                await command.ExecuteNonQueryAsync();
                participant.Value = userIds[index];
                await participants.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    private static async Task InsertTagsAsync(SqliteConnection connection, List<IdeaRow> ideas, Random random)
    {
        await using var transaction = connection.BeginTransaction();
        var tagIds = new List<long>();
        foreach (var (slug, en, ru) in Texts.Tags)
        {
            tagIds.Add(await Scalar(connection, "INSERT INTO Tags (Slug, Name_En, Name_Ru, Color) VALUES ($slug, $en, $ru, '#1b5fa8'); SELECT last_insert_rowid();",
                ("$slug", slug), ("$en", en), ("$ru", ru)));
        }
        foreach (var row in ideas.Where(_ => random.Next(10) == 0))
        {
            await Scalar(connection, "INSERT INTO IdeaTags (IdeaId, TagId) VALUES ($idea, $tag); SELECT 0;", ("$idea", row.Id), ("$tag", tagIds[random.Next(tagIds.Count)]));
        }
        await transaction.CommitAsync();
    }

    /// <summary>The text form EF Core's SQLite provider stores a DateTime in, so the app reads generated rows like its own.</summary>
    private static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
