using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    Heading = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alert_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HomeZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Units = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vehicles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Heading = table.Column<double>(type: "REAL", nullable: true),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    CrossedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorisationDeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_crossings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ToCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FromZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    DetectedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    Heading = table.Column<double>(type: "REAL", nullable: true),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HomeZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Vehicles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AuthorisationReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorisationDeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedByLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    EndedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_partner_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_partner_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallSign = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Vehicle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Officers = table.Column<int>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DetectorState = table.Column<string>(type: "TEXT", nullable: false),
                    LastFixAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLat = table.Column<double>(type: "REAL", nullable: true),
                    LastLon = table.Column<double>(type: "REAL", nullable: true),
                    LastSpeed = table.Column<double>(type: "REAL", nullable: true),
                    LastHeading = table.Column<double>(type: "REAL", nullable: true),
                    LastAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
