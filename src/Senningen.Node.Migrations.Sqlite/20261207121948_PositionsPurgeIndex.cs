using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PositionsPurgeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ops_fixes_TimeMs",
                table: "ops_fixes",
                column: "TimeMs");

            migrationBuilder.CreateIndex(
                name: "IX_ops_alert_fixes_TimeMs",
                table: "ops_alert_fixes",
                column: "TimeMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ops_fixes_TimeMs",
                table: "ops_fixes");

            migrationBuilder.DropIndex(
                name: "IX_ops_alert_fixes_TimeMs",
                table: "ops_alert_fixes");
        }
    }
}
