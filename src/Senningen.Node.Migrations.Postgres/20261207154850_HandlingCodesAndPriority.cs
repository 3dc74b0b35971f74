using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandlingCodesAndPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_outbox_Status_NextAttemptAtMs",
                table: "exchange_outbox");

            migrationBuilder.DropIndex(
                name: "IX_exchange_inbox_Status_NextHandleAtMs",
                table: "exchange_inbox");

            migrationBuilder.AddColumn<string>(
                name: "Handling",
                table: "requests_requests",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingConditions",
                table: "requests_requests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Handling",
                table: "exchange_outbox",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingConditions",
                table: "exchange_outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "exchange_outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Handling",
                table: "exchange_inbox",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingConditions",
                table: "exchange_inbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "exchange_inbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_Status_Priority_NextAttemptAtMs",
                table: "exchange_outbox",
                columns: new[] { "Status", "Priority", "NextAttemptAtMs" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_inbox_Status_Priority_NextHandleAtMs",
                table: "exchange_inbox",
                columns: new[] { "Status", "Priority", "NextHandleAtMs" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_outbox_Status_Priority_NextAttemptAtMs",
                table: "exchange_outbox");

            migrationBuilder.DropIndex(
                name: "IX_exchange_inbox_Status_Priority_NextHandleAtMs",
                table: "exchange_inbox");

            migrationBuilder.DropColumn(
                name: "Handling",
                table: "requests_requests");

            migrationBuilder.DropColumn(
                name: "HandlingConditions",
                table: "requests_requests");

            migrationBuilder.DropColumn(
                name: "Handling",
                table: "exchange_outbox");

            migrationBuilder.DropColumn(
                name: "HandlingConditions",
                table: "exchange_outbox");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "exchange_outbox");

            migrationBuilder.DropColumn(
                name: "Handling",
                table: "exchange_inbox");

            migrationBuilder.DropColumn(
                name: "HandlingConditions",
                table: "exchange_inbox");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "exchange_inbox");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_Status_NextAttemptAtMs",
                table: "exchange_outbox",
                columns: new[] { "Status", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_inbox_Status_NextHandleAtMs",
                table: "exchange_inbox",
                columns: new[] { "Status", "NextHandleAtMs" });
        }
    }
}
