using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "requests_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FromState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Side = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestingCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RequestedCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Recipient = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SpocCopy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LiaisonOfficerId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Fields = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AnswerByMs = table.Column<long>(type: "bigint", nullable: true),
                    RemindAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgeByMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClockRunning = table.Column<bool>(type: "boolean", nullable: false),
                    RemindedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DelayReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpectedByMs = table.Column<long>(type: "bigint", nullable: true),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_requests_attachments_RequestId",
                table: "requests_attachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_events_RequestId_AtMs",
                table: "requests_events",
                columns: new[] { "RequestId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_CaseReference",
                table: "requests_requests",
                column: "CaseReference");

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_ClockRunning_AnswerByMs",
                table: "requests_requests",
                columns: new[] { "ClockRunning", "AnswerByMs" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_Side_State",
                table: "requests_requests",
                columns: new[] { "Side", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requests_attachments");

            migrationBuilder.DropTable(
                name: "requests_events");

            migrationBuilder.DropTable(
                name: "requests_requests");
        }
    }
}
