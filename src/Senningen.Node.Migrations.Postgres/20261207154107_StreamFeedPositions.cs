using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StreamFeedPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FeedPosition",
                table: "requests_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EscalationFeedPosition",
                table: "ops_alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeedPosition",
                table: "ops_alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeedPosition",
                table: "anpr_hits",
                type: "bigint",
                nullable: true);

            // Rows stored before streams had positions are marked 0, "before every stream", so the sequencer does not number
            // the whole history on its first run; streams never send them (a client reloads the list). An alert escalated
            // later still gets its place in the desk's stream, as its escalation position stays empty until then.
            migrationBuilder.Sql("""UPDATE requests_events SET "FeedPosition" = 0""");
            migrationBuilder.Sql("""UPDATE anpr_hits SET "FeedPosition" = 0""");
            migrationBuilder.Sql("""
                UPDATE ops_alerts SET "FeedPosition" = 0,
                    "EscalationFeedPosition" = CASE WHEN "Escalated" AND "EscalatedAtMs" IS NOT NULL THEN 0 END
                """);

            migrationBuilder.CreateTable(
                name: "live_feed_heads",
                columns: table => new
                {
                    Feed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_feed_heads", x => x.Feed);
                });

            migrationBuilder.CreateIndex(
                name: "IX_requests_events_FeedPosition",
                table: "requests_events",
                column: "FeedPosition");

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_EscalationFeedPosition",
                table: "ops_alerts",
                column: "EscalationFeedPosition");

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_FeedPosition",
                table: "ops_alerts",
                column: "FeedPosition");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hits_FeedPosition",
                table: "anpr_hits",
                column: "FeedPosition");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_feed_heads");

            migrationBuilder.DropIndex(
                name: "IX_requests_events_FeedPosition",
                table: "requests_events");

            migrationBuilder.DropIndex(
                name: "IX_ops_alerts_EscalationFeedPosition",
                table: "ops_alerts");

            migrationBuilder.DropIndex(
                name: "IX_ops_alerts_FeedPosition",
                table: "ops_alerts");

            migrationBuilder.DropIndex(
                name: "IX_anpr_hits_FeedPosition",
                table: "anpr_hits");

            migrationBuilder.DropColumn(
                name: "FeedPosition",
                table: "requests_events");

            migrationBuilder.DropColumn(
                name: "EscalationFeedPosition",
                table: "ops_alerts");

            migrationBuilder.DropColumn(
                name: "FeedPosition",
                table: "ops_alerts");

            migrationBuilder.DropColumn(
                name: "FeedPosition",
                table: "anpr_hits");
        }
    }
}
