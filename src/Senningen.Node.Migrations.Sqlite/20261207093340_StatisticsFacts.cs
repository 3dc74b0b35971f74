using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RefusalGround",
                table: "requests_requests",
                type: "TEXT",
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
