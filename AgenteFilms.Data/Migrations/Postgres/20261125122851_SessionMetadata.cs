using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgenteFilms.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MetadataJson",
                table: "Sessions",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MetadataJson",
                table: "Sessions");
        }
    }
}
