using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgenteFilms.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PitchManagementAndUserSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserSettings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefaultModelProfile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Theme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSettings", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_OwnerId_ArchivedAt",
                table: "Sessions",
                columns: new[] { "OwnerId", "ArchivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserSettings");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_OwnerId_ArchivedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Sessions");
        }
    }
}
