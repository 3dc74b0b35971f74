using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<byte[]>(
                name: "LeafHash",
                table: "audit_entries",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeafIndex",
                table: "audit_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_tree_heads",
                columns: table => new
                {
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    TimestampUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_tree_heads", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "audit_tree_nodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
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
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "audit_entries",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);
        }
    }
}
