using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NodeEncryptionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NotBeforeMs",
                table: "exchange_partner_keys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Use",
                table: "exchange_partner_keys",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Use",
                table: "exchange_node_keys",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "sig");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotBeforeMs",
                table: "exchange_partner_keys");

            migrationBuilder.DropColumn(
                name: "Use",
                table: "exchange_partner_keys");

            migrationBuilder.DropColumn(
                name: "Use",
                table: "exchange_node_keys");
        }
    }
}
