using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ops_alert_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    Heading = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alert_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HomeZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Units = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Vehicles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Heading = table.Column<double>(type: "double precision", nullable: true),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    CrossedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    AuthorisationDeadlineMs = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_crossings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ToCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FromZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    DetectedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Arguments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    Heading = table.Column<double>(type: "double precision", nullable: true),
                    Accuracy = table.Column<double>(type: "double precision", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HomeCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HomeZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Vehicles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuthorisationReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorisationDeadlineMs = table.Column<long>(type: "bigint", nullable: true),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedByLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    EndedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EndNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_partner_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Partner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_partner_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallSign = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Vehicle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Officers = table.Column<int>(type: "integer", nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DetectorState = table.Column<string>(type: "text", nullable: false),
                    LastFixAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastLat = table.Column<double>(type: "double precision", nullable: true),
                    LastLon = table.Column<double>(type: "double precision", nullable: true),
                    LastSpeed = table.Column<double>(type: "double precision", nullable: true),
                    LastHeading = table.Column<double>(type: "double precision", nullable: true),
                    LastAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ops_units_ops_operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "ops_operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ops_alert_fixes_OperationId_Unit_TimeMs",
                table: "ops_alert_fixes",
                columns: new[] { "OperationId", "Unit", "TimeMs" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_OperationId_Zone",
                table: "ops_alerts",
                columns: new[] { "OperationId", "Zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_Status_ReceivedAtMs",
                table: "ops_alerts",
                columns: new[] { "Status", "ReceivedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_crossings_OperationId_AtMs",
                table: "ops_crossings",
                columns: new[] { "OperationId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_events_OperationId_AtMs",
                table: "ops_events",
                columns: new[] { "OperationId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_fixes_OperationId_Unit_TimeMs",
                table: "ops_fixes",
                columns: new[] { "OperationId", "Unit", "TimeMs" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_operations_Status_StartedAtMs",
                table: "ops_operations",
                columns: new[] { "Status", "StartedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_partner_notices_OperationId_Partner_Zone",
                table: "ops_partner_notices",
                columns: new[] { "OperationId", "Partner", "Zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_units_OperationId_CallSign",
                table: "ops_units",
                columns: new[] { "OperationId", "CallSign" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ops_alert_fixes");

            migrationBuilder.DropTable(
                name: "ops_alerts");

            migrationBuilder.DropTable(
                name: "ops_crossings");

            migrationBuilder.DropTable(
                name: "ops_events");

            migrationBuilder.DropTable(
                name: "ops_fixes");

            migrationBuilder.DropTable(
                name: "ops_partner_notices");

            migrationBuilder.DropTable(
                name: "ops_units");

            migrationBuilder.DropTable(
                name: "ops_operations");
        }
    }
}
