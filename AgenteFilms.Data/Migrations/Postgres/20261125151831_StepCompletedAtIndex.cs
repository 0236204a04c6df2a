using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgenteFilms.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StepCompletedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AgentSteps_CompletedAt",
                table: "AgentSteps",
                column: "CompletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgentSteps_CompletedAt",
                table: "AgentSteps");
        }
    }
}
