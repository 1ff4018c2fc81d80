using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActiveCitizen.App.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ResultsPublishedAt",
                table: "QuizStages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultsPublishedAt",
                table: "QuizCampaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReversesId = table.Column<long>(type: "INTEGER", nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description_Ru = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PointPrice = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description_Ru = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Provider_En = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Provider_Ru = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrizePlans",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    RewardTypeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrizePlans", x => x.Scope);
                    table.ForeignKey(
                        name: "FK_PrizePlans_RewardTypes_RewardTypeId",
                        column: x => x.RewardTypeId,
                        principalTable: "RewardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RewardTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignmentSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardCodes_AspNetUsers_AssignedTo",
                        column: x => x.AssignedTo,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardCodes_RewardTypes_RewardTypeId",
                        column: x => x.RewardTypeId,
                        principalTable: "RewardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrizeAwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RewardTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeId = table.Column<long>(type: "INTEGER", nullable: true),
                    AwardedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrizeAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrizeAwards_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrizeAwards_RewardCodes_CodeId",
                        column: x => x.CodeId,
                        principalTable: "RewardCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrizeAwards_RewardTypes_RewardTypeId",
                        column: x => x.RewardTypeId,
                        principalTable: "RewardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_FinishedAt",
                table: "QuizAttempts",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_UserId_Id_Amount",
                table: "PointsEntries",
                columns: new[] { "UserId", "Id", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_UserId_Source",
                table: "PointsEntries",
                columns: new[] { "UserId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrizeAwards_CodeId",
                table: "PrizeAwards",
                column: "CodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PrizeAwards_RewardTypeId",
                table: "PrizeAwards",
                column: "RewardTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PrizeAwards_Scope_Place",
                table: "PrizeAwards",
                columns: new[] { "Scope", "Place" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrizeAwards_UserId",
                table: "PrizeAwards",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PrizePlans_RewardTypeId",
                table: "PrizePlans",
                column: "RewardTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardCodes_AssignedTo_AssignedAt",
                table: "RewardCodes",
                columns: new[] { "AssignedTo", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardCodes_AssignmentSource",
                table: "RewardCodes",
                column: "AssignmentSource",
                unique: true,
                filter: "\"AssignmentSource\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RewardCodes_RewardTypeId_Code",
                table: "RewardCodes",
                columns: new[] { "RewardTypeId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardCodes_Unassigned",
                table: "RewardCodes",
                columns: new[] { "RewardTypeId", "Id" },
                filter: "\"AssignedTo\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PrizeAwards");

            migrationBuilder.DropTable(
                name: "PrizePlans");

            migrationBuilder.DropTable(
                name: "RewardCodes");

            migrationBuilder.DropTable(
                name: "RewardTypes");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_FinishedAt",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "ResultsPublishedAt",
                table: "QuizStages");

            migrationBuilder.DropColumn(
                name: "ResultsPublishedAt",
                table: "QuizCampaigns");
        }
    }
}
