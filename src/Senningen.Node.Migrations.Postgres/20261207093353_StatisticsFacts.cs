using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "JudicialAuthorisation",
                table: "requests_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RefusalGround",
                table: "requests_requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JudicialAuthorisation",
                table: "requests_requests");

            migrationBuilder.DropColumn(
                name: "RefusalGround",
                table: "requests_requests");
        }
    }
}
