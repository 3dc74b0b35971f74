using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditMerkleTree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            // The identity goes on after the hash chain's last entry: the chain's sequence numbers stay those entries' ids.
            migrationBuilder.Sql("""
                SELECT setval(pg_get_serial_sequence('audit_entries', 'Sequence'), COALESCE(MAX("Sequence"), 0) + 1, false) FROM audit_entries;
                """);

            migrationBuilder.AddColumn<byte[]>(
                name: "LeafHash",
                table: "audit_entries",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeafIndex",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_tree_heads",
                columns: table => new
                {
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    TimestampUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_tree_heads", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "audit_tree_nodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_tree_nodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_LeafIndex",
                table: "audit_entries",
                column: "LeafIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_unintegrated",
                table: "audit_entries",
                column: "Sequence",
                filter: "\"LeafIndex\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_tree_heads");

            migrationBuilder.DropTable(
                name: "audit_tree_nodes");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_LeafIndex",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_unintegrated",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "LeafHash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "LeafIndex",
                table: "audit_entries");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
