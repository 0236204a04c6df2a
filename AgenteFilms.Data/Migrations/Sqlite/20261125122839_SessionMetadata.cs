using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgenteFilms.Data.Migrations.Sqlite
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
                type: "TEXT",
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
