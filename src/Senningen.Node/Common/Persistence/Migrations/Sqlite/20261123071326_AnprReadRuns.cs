using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// ADR 0012: reads are found by plate, camera and time through sorted runs (tables outside the EF model, SQLite
    /// only) instead of indexes on anpr_reads. Reads already stored go into one live run, in key order.
    /// </summary>
    public partial class AnprReadRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_anpr_reads_CameraId_ObservedAtMs",
                table: "anpr_reads");

            migrationBuilder.DropIndex(
                name: "IX_anpr_reads_CanonicalKey_ObservedAtMs",
                table: "anpr_reads");

            migrationBuilder.Sql("""
                CREATE TABLE anpr_read_runs (
                    "Id" INTEGER NOT NULL PRIMARY KEY,
                    "State" INTEGER NOT NULL,
                    "Entries" INTEGER NOT NULL,
                    "FromMs" INTEGER NOT NULL,
                    "ToMs" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE anpr_read_terms (
                    "Run" INTEGER NOT NULL,
                    "Term" TEXT NOT NULL,
                    "ObservedAtMs" INTEGER NOT NULL,
                    "ReadId" INTEGER NOT NULL,
                    PRIMARY KEY ("Run", "Term", "ObservedAtMs", "ReadId")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO anpr_read_runs ("Id", "State", "Entries", "FromMs", "ToMs")
                SELECT 1, 1, 2 * count(*), min("ObservedAtMs"), max("ObservedAtMs") FROM anpr_reads HAVING count(*) > 0;
                """);
            migrationBuilder.Sql("""
                INSERT INTO anpr_read_terms ("Run", "Term", "ObservedAtMs", "ReadId")
                SELECT 1, 'k' || "CanonicalKey", "ObservedAtMs", "Id" FROM anpr_reads
                UNION ALL SELECT 1, 'c' || "CameraId", "ObservedAtMs", "Id" FROM anpr_reads
                ORDER BY 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE anpr_read_terms;");
            migrationBuilder.Sql("DROP TABLE anpr_read_runs;");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_reads_CameraId_ObservedAtMs",
                table: "anpr_reads",
                columns: new[] { "CameraId", "ObservedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_reads_CanonicalKey_ObservedAtMs",
                table: "anpr_reads",
                columns: new[] { "CanonicalKey", "ObservedAtMs" });
        }
    }
}
