using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HitGroupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_anpr_hits_EntryId_ReceivedAtMs",
                table: "anpr_hits",
                columns: new[] { "EntryId", "ReceivedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_anpr_hits_EntryId_ReceivedAtMs",
                table: "anpr_hits");
        }
    }
}
