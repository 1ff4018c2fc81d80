using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActiveCitizen.App.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommissionSessionPerProject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommissionSessions_ProjectId_OpensAt",
                table: "CommissionSessions");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_ProjectId",
                table: "CommissionSessions",
                column: "ProjectId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommissionSessions_ProjectId",
                table: "CommissionSessions");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_ProjectId_OpensAt",
                table: "CommissionSessions",
                columns: new[] { "ProjectId", "OpensAt" });
        }
    }
}
