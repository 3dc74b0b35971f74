using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Anpr : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anpr_cameras",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_cameras", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    CameraId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CameraName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntryPlate = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Confusions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ReceivedFrom = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListedAs = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PlateText = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFromMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidToMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_reads", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "anpr_hotlist_version",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hits_ReceivedAtMs",
                table: "anpr_hits",
                column: "ReceivedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hotlist_CanonicalKey",
                table: "anpr_hotlist",
                column: "CanonicalKey");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hotlist_Owner_PlateText_Category",
                table: "anpr_hotlist",
                columns: new[] { "Owner", "PlateText", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_anpr_reads_CameraId_ObservedAtMs",
                table: "anpr_reads",
                columns: new[] { "CameraId", "ObservedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_reads_CanonicalKey_ObservedAtMs",
                table: "anpr_reads",
                columns: new[] { "CanonicalKey", "ObservedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anpr_cameras");

            migrationBuilder.DropTable(
                name: "anpr_hits");

            migrationBuilder.DropTable(
                name: "anpr_hotlist");

            migrationBuilder.DropTable(
                name: "anpr_hotlist_version");

            migrationBuilder.DropTable(
                name: "anpr_reads");
        }
    }
}
