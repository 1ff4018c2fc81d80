using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActiveCitizen.App.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_ProjectId_State",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_State",
                table: "Ideas");

            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenAt",
                table: "Ideas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenBy",
                table: "Ideas",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenNote",
                table: "Ideas",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Ideas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenReports",
                table: "Ideas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RejectionReasonId",
                table: "Ideas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Ideas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TriagedAt",
                table: "Ideas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdeaReports",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaReports", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaReports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaReports_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationClaims",
                columns: table => new
                {
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ModeratorId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActiveAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationClaims", x => x.ItemKey);
                    table.ForeignKey(
                        name: "FK_ModerationClaims_AspNetUsers_ModeratorId",
                        column: x => x.ModeratorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RejectionReasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectionReasons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_HiddenAt",
                table: "Ideas",
                column: "HiddenAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_OpenReports",
                table: "Ideas",
                column: "OpenReports");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId_State_HiddenAt_MergedIntoId_SupportCount",
                table: "Ideas",
                columns: new[] { "ProjectId", "State", "HiddenAt", "MergedIntoId", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_State_HiddenAt_MergedIntoId",
                table: "Ideas",
                columns: new[] { "State", "HiddenAt", "MergedIntoId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_TriagedAt",
                table: "Ideas",
                column: "TriagedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action",
                table: "AuditEntries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId",
                table: "AuditEntries",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Target",
                table: "AuditEntries",
                column: "Target");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaReports_UserId",
                table: "IdeaReports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationClaims_ModeratorId",
                table: "ModerationClaims",
                column: "ModeratorId");

            // The audit trail is append-only: the database itself refuses to change or remove an entry, whatever the code does.
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;");

            // The rejection reasons moderators start with; they add their own and archive these as they see fit.
            migrationBuilder.Sql("""
                INSERT INTO RejectionReasons (Archived, Name_En, Name_Ru) VALUES
                    (0, 'Not about this project', 'Не по теме проекта'),
                    (0, 'Not within the city''s remit', 'Вне компетенции города'),
                    (0, 'A personal request, not an idea', 'Личное обращение, а не идея'),
                    (0, 'Breaks the rules of the platform', 'Нарушает правила платформы'),
                    (0, 'Already being done by the city', 'Уже выполняется городом');
                """);

            // Ideas submitted before moderation existed are not news to anyone: they start triaged, so the queue holds only what arrives.
            migrationBuilder.Sql("UPDATE Ideas SET TriagedAt = SubmittedAt WHERE TriagedAt IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IdeaReports");

            migrationBuilder.DropTable(
                name: "ModerationClaims");

            migrationBuilder.DropTable(
                name: "RejectionReasons");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_HiddenAt",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_OpenReports",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_ProjectId_State_HiddenAt_MergedIntoId_SupportCount",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_State_HiddenAt_MergedIntoId",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_TriagedAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenBy",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenNote",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "OpenReports",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "RejectionReasonId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "TriagedAt",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId_State",
                table: "Ideas",
                columns: new[] { "ProjectId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_State",
                table: "Ideas",
                column: "State");
        }
    }
}
