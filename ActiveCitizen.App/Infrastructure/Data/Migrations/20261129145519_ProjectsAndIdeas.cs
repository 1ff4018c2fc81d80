using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActiveCitizen.App.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsAndIdeas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Description_Ru = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary_Ru = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name_Ru = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectCategories_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectParticipants",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectParticipants", x => new { x.ProjectId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProjectParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectParticipants_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Opens = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectPhases_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportChanges = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_ProjectCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ProjectCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdeaFollows",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FollowedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaFollows", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaFollows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaFollows_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaSupports",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SupportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaSupports", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaSupports_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaTags",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaTags", x => new { x.IdeaId, x.TagId });
                    table.ForeignKey(
                        name: "FK_IdeaTags_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollows_UserId_FollowedAt",
                table: "IdeaFollows",
                columns: new[] { "UserId", "FollowedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AuthorId_SubmissionKey",
                table: "Ideas",
                columns: new[] { "AuthorId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AuthorId_SubmittedAt",
                table: "Ideas",
                columns: new[] { "AuthorId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CategoryId",
                table: "Ideas",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CommentCount_Id",
                table: "Ideas",
                columns: new[] { "CommentCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId_CommentCount_Id",
                table: "Ideas",
                columns: new[] { "ProjectId", "CommentCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId_State",
                table: "Ideas",
                columns: new[] { "ProjectId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId_SupportCount_Id",
                table: "Ideas",
                columns: new[] { "ProjectId", "SupportCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_State",
                table: "Ideas",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_SupportCount_Id",
                table: "Ideas",
                columns: new[] { "SupportCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_UserId_SupportedAt",
                table: "IdeaSupports",
                columns: new[] { "UserId", "SupportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaTags_TagId",
                table: "IdeaTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCategories_ProjectId",
                table: "ProjectCategories",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectParticipants_UserId",
                table: "ProjectParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPhases_ProjectId_StartsAt",
                table: "ProjectPhases",
                columns: new[] { "ProjectId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Slug",
                table: "Projects",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tags_Slug",
                table: "Tags",
                column: "Slug",
                unique: true);

            // The full-text index of ideas. Its content is a view of Ideas with the Russian ё folded into е (the tokenizer removes
            // diacritics from Latin letters only; the query side folds the same way), so "счётчик" finds "счетчик" and the index can
            // be rebuilt or checked against its source at any time. English words are stemmed by Porter, case is folded for every
            // script, and prefixes of 3 to 6 letters get lists of their own: every search term is a (possibly shortened) stem matched
            // as a prefix, and reading a prefix's own list is much cheaper than merging the lists of every word that starts with it.
            migrationBuilder.Sql("""
                CREATE VIEW IdeaSearchSource AS
                SELECT Id, replace(replace(Title, 'ё', 'е'), 'Ё', 'Е') AS Title, replace(replace(Description, 'ё', 'е'), 'Ё', 'Е') AS Description FROM Ideas;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE IdeaSearch USING fts5(
                    Title, Description,
                    content = 'IdeaSearchSource', content_rowid = 'Id',
                    tokenize = 'porter unicode61 remove_diacritics 2',
                    prefix = '3 4 5 6');
                """);
            // A word in the title counts three times as much as one in the description.
            migrationBuilder.Sql("INSERT INTO IdeaSearch(IdeaSearch, rank) VALUES ('rank', 'bm25(3.0, 1.0)');");
            // How many ideas contain each indexed word: similar-ideas lookups prefer the rarer words of a draft.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IdeaSearchTerms USING fts5vocab(IdeaSearch, 'row');");
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_AfterInsert_Search AFTER INSERT ON Ideas BEGIN
                    INSERT INTO IdeaSearch(rowid, Title, Description) VALUES (new.Id, replace(replace(new.Title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(new.Description, 'ё', 'е'), 'Ё', 'Е'));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_AfterDelete_Search AFTER DELETE ON Ideas BEGIN
                    INSERT INTO IdeaSearch(IdeaSearch, rowid, Title, Description) VALUES ('delete', old.Id, replace(replace(old.Title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(old.Description, 'ё', 'е'), 'Ё', 'Е'));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_AfterUpdate_Search AFTER UPDATE OF Title, Description ON Ideas BEGIN
                    INSERT INTO IdeaSearch(IdeaSearch, rowid, Title, Description) VALUES ('delete', old.Id, replace(replace(old.Title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(old.Description, 'ё', 'е'), 'Ё', 'Е'));
                    INSERT INTO IdeaSearch(rowid, Title, Description) VALUES (new.Id, replace(replace(new.Title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(new.Description, 'ё', 'е'), 'Ё', 'Е'));
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_AfterUpdate_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_AfterDelete_Search;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_AfterInsert_Search;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS IdeaSearchTerms;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS IdeaSearch;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS IdeaSearchSource;");
            migrationBuilder.DropTable(
                name: "IdeaFollows");

            migrationBuilder.DropTable(
                name: "IdeaSupports");

            migrationBuilder.DropTable(
                name: "IdeaTags");

            migrationBuilder.DropTable(
                name: "ProjectParticipants");

            migrationBuilder.DropTable(
                name: "ProjectPhases");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropTable(
                name: "ProjectCategories");

            migrationBuilder.DropTable(
                name: "Projects");
        }
    }
}
