using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OperationsAlertCrossingPoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CrossedLat",
                table: "ops_alerts",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "CrossedLon",
                table: "ops_alerts",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            // Alerts received before: their crossing fix was kept with the track at the crossing's time; fall back to the last position.
            migrationBuilder.Sql(
                """
                UPDATE ops_alerts SET
                  "CrossedLat" = COALESCE((SELECT f."Lat" FROM ops_alert_fixes f WHERE f."OperationId" = ops_alerts."OperationId" AND f."TimeMs" = ops_alerts."CrossedAtMs" ORDER BY f."Id" LIMIT 1), "Lat"),
                  "CrossedLon" = COALESCE((SELECT f."Lon" FROM ops_alert_fixes f WHERE f."OperationId" = ops_alerts."OperationId" AND f."TimeMs" = ops_alerts."CrossedAtMs" ORDER BY f."Id" LIMIT 1), "Lon");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrossedLat",
                table: "ops_alerts");

            migrationBuilder.DropColumn(
                name: "CrossedLon",
                table: "ops_alerts");
        }
    }
}
