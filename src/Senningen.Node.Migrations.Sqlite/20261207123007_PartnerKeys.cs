using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_node_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NotBeforeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_node_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "exchange_partner_keys",
                columns: table => new
                {
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    PinnedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_partner_keys", x => new { x.Country, x.KeyId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_node_keys");

            migrationBuilder.DropTable(
                name: "exchange_partner_keys");
        }
    }
}
