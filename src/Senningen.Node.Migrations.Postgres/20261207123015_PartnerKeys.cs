using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
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
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NotBeforeMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_node_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "exchange_partner_keys",
                columns: table => new
                {
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RevokedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    PinnedAtMs = table.Column<long>(type: "bigint", nullable: false)
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
