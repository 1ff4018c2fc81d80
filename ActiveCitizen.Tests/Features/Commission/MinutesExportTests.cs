using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.App.Resources;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace ActiveCitizen.Tests.Features.Commission;

/// <summary>The minutes hold what was decided and how; nothing in them can run as a formula in whoever opens them.</summary>
public sealed class MinutesExportTests : IDisposable
{
    private const string FormulaTitle = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(CommissionHarness.Opens.AddHours(-1)));
    private readonly CommissionHarness harness;

    public MinutesExportTests() => harness = new CommissionHarness(database, time);

    public void Dispose() => database.Dispose();

    private MinutesExport Export() => new(
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)),
        new CityClock(Options.Create(new SiteOptions()), time));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("Plain text", "Plain text")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_are_escaped(string value, string expected) => Assert.Equal(expected, MinutesExport.Cell(value));

    private async Task<SessionDetails> PublishedSessionAsync()
    {
        var scene = await harness.OpenSceneAsync(members: 3, ideas: 2, firstTitle: FormulaTitle);
        var service = harness.Service();
        await service.VoteAsync(scene.Members[0].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, "+SUM(1,2)");
        await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, null);
        await service.RecuseAsync(scene.Members[2].Principal, scene.SessionId, scene.Ideas[0].Id, "-works for the contractor");
        await service.VoteAsync(scene.Members[2].Principal, scene.SessionId, scene.Ideas[1].Id, BallotChoice.Against, "Too costly, says the budget");
        await service.CloseAsync(scene.Chair, scene.SessionId);
        await service.SetRationaleAsync(scene.Chair, scene.SessionId, scene.Ideas[0].Id, "@cheap, asked for by many");
        await service.PublishAsync(scene.Chair, scene.SessionId);
        return (await harness.Queries().ForMinutesAsync(scene.SessionId, null))!;
    }

    [Fact]
    public async Task The_csv_has_tallies_decisions_rationale_recusals_and_named_ballots_all_escaped()
    {
        var session = await PublishedSessionAsync();

        var csv = Export().Csv(session);

        var lines = csv.Split(Environment.NewLine);
        Assert.Contains("No.,Idea,Title,Decision,For,Against,Abstained,Eligible,Rationale,Recusals", lines);
        var first = Assert.Single(lines, line => line.StartsWith("1,"));
        Assert.Equal($"1,#{session.Ideas[0].IdeaId},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",Approved,2,0,0,2,\"'@cheap, asked for by many\",Member 3: -works for the contractor", first);
        Assert.Contains(lines, line => line.EndsWith(",Member 1,For,\"'+SUM(1,2)\""));
        Assert.Contains(lines, line => line.Contains("Member 3,Against,\"Too costly, says the budget\""));
        Assert.DoesNotContain(lines.SelectMany(line => line.Split(',')), cell => cell.StartsWith('=') || cell.StartsWith("\"="));
    }

    [Fact]
    public async Task The_xlsx_has_the_same_tables_with_formula_cells_escaped()
    {
        var session = await PublishedSessionAsync();

        var bytes = await Export().XlsxAsync(session);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Session", "Decisions", "Ballots"], stream.GetSheetNames());
        var decisions = stream.Query(useHeaderRow: true, sheetName: "Decisions").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Equal("'" + FormulaTitle, decisions[0]["Title"]);
        Assert.Equal(("Approved", "'@cheap, asked for by many"), (decisions[0]["Decision"], decisions[0]["Rationale"]));
        // One ballot of three eligible members: no quorum.
        Assert.Equal("No quorum", decisions[1]["Decision"]);
        var ballots = stream.Query(useHeaderRow: true, sheetName: "Ballots").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, ballots.Count);
        Assert.Contains(ballots, row => (string)row["Member"] == "Member 1" && (string)row["Comment"] == "'+SUM(1,2)");
    }

    [Fact]
    public async Task Secret_sessions_leave_named_ballots_out_of_the_minutes()
    {
        var scene = await harness.OpenSceneAsync(members: 3);
        await using (var db = database.CreateContext())
        {
            await db.Set<CommissionSession>().ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.BallotsPublic, false));
        }
        var service = harness.Service();
        await service.VoteAsync(scene.Members[1].Principal, scene.SessionId, scene.Ideas[0].Id, BallotChoice.For, "my reasons");
        await service.CloseAsync(scene.Chair, scene.SessionId);
        await service.PublishAsync(scene.Chair, scene.SessionId);

        var csv = Export().Csv((await harness.Queries().ForMinutesAsync(scene.SessionId, null))!);

        Assert.DoesNotContain("my reasons", csv);
        Assert.DoesNotContain("Member,Vote,Comment", csv);
    }
}
