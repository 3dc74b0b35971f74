using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Direction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    AgreementReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_cameras", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    CameraId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CameraName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryPlate = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Confusions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    SentTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ReceivedFrom = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListedAs = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PlateText = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Format = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    ValidFromMs = table.Column<long>(type: "bigint", nullable: false),
                    ValidToMs = table.Column<long>(type: "bigint", nullable: true),
                    Owner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CameraId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Candidates = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false)
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
