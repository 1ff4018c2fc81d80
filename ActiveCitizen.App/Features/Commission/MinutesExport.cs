using System.Text;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.App.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ActiveCitizen.App.Features.Commission;

/// <summary>
/// The minutes of a session as a table per idea (tallies, decision, rationale, recusals) and, when ballots are public and the
/// results published, one row per named ballot: as CSV and as XLSX. Any cell that a spreadsheet would read as a formula (starting
/// with =, +, -, @, or a tab or carriage return) is written with a leading apostrophe, so a title cannot run code in whoever opens it.
/// </summary>
public sealed class MinutesExport(IStringLocalizer<Strings> localizer, CityClock clock)
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A cell's text as it is safe to hand to a spreadsheet.</summary>
    public static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? "" : FormulaStarts.Contains(value[0]) ? "'" + value : value;

    public IReadOnlyList<string> DecisionHeader =>
    [
        localizer["Minutes.Position"], localizer["Minutes.Idea"], localizer["Minutes.IdeaTitle"], localizer["Minutes.Outcome"], localizer["Minutes.For"],
        localizer["Minutes.Against"], localizer["Minutes.Abstain"], localizer["Minutes.Eligible"], localizer["Minutes.Rationale"], localizer["Minutes.Recusals"],
    ];

    public IReadOnlyList<string> BallotHeader =>
        [localizer["Minutes.Idea"], localizer["Minutes.IdeaTitle"], localizer["Minutes.Member"], localizer["Minutes.Choice"], localizer["Minutes.Comment"]];

    public IEnumerable<IReadOnlyList<string>> DecisionRows(SessionDetails session) => session.Ideas.Select(idea => (IReadOnlyList<string>)
    [
        idea.Position.ToString(), $"#{idea.IdeaId}", Cell(idea.Title),
        idea.Result is { } result ? localizer[$"Commission.Outcome.{result.Outcome}"] : "",
        (idea.Result?.Tally.For ?? 0).ToString(), (idea.Result?.Tally.Against ?? 0).ToString(), (idea.Result?.Tally.Abstain ?? 0).ToString(),
        (idea.Result?.Tally.Eligible ?? idea.Eligible).ToString(), Cell(idea.Result?.Rationale),
        Cell(string.Join("; ", idea.Recused.Select(recusal => $"{recusal.MemberName}: {recusal.Reason}"))),
    ]);

    public IEnumerable<IReadOnlyList<string>> BallotRows(SessionDetails session) => session.Ideas.SelectMany(idea => idea.Ballots.Select(ballot => (IReadOnlyList<string>)
    [
        $"#{idea.IdeaId}", Cell(idea.Title), Cell(ballot.MemberName), localizer[$"Commission.Choice.{ballot.Choice}"], Cell(ballot.Comment),
    ]));

    /// <summary>The session's particulars, above the tables.</summary>
    public IEnumerable<IReadOnlyList<string>> SessionRows(SessionDetails session) =>
    [
        [localizer["Minutes.Project"], Cell(session.ProjectTitle.ToString())],
        [localizer["Minutes.Chair"], Cell(session.ChairName)],
        [localizer["Minutes.Members"], Cell(string.Join(", ", session.Members.Select(member => member.Name)))],
        [localizer["Minutes.Opened"], clock.Format(session.OpensAt, "g")],
        [localizer["Minutes.Closed"], clock.Format(session.ClosedAt, "g")],
        [localizer["Minutes.Rule"], localizer["Commission.RuleSummary", session.QuorumPercent, localizer[$"Commission.Rule.{session.Rule}"]]],
    ];

    public string Csv(SessionDetails session)
    {
        var csv = new StringBuilder();
        foreach (var row in SessionRows(session))
        {
            Line(csv, row);
        }
        csv.AppendLine();
        Line(csv, DecisionHeader);
        foreach (var row in DecisionRows(session))
        {
            Line(csv, row);
        }
        var ballots = BallotRows(session).ToList();
        if (ballots.Count > 0)
        {
            csv.AppendLine();
            Line(csv, BallotHeader);
            ballots.ForEach(row => Line(csv, row));
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.AppendLine(string.Join(',', cells.Select(cell => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell)));

    public async Task<byte[]> XlsxAsync(SessionDetails session)
    {
        // Counts go in as numbers, so the spreadsheet can add them up; text keeps its escaping.
        static List<Dictionary<string, object>> Sheet(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
            [.. rows.Select(row => header.Select((name, index) => (name, index)).ToDictionary(column => column.name,
                column => int.TryParse(row[column.index], out var number) ? number : (object)row[column.index]))];

        var sheets = new Dictionary<string, object>
        {
            [localizer["Minutes.SheetSession"]] = Sheet([localizer["Minutes.Field"], localizer["Minutes.Value"]], SessionRows(session)),
            [localizer["Minutes.SheetDecisions"]] = Sheet(DecisionHeader, DecisionRows(session)),
        };
        var ballots = BallotRows(session).ToList();
        if (ballots.Count > 0)
        {
            sheets[localizer["Minutes.SheetBallots"]] = Sheet(BallotHeader, ballots);
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets);
        return stream.ToArray();
    }
}
