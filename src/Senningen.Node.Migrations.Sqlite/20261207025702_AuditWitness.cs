using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditWitness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_head_confirmations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Witness = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeadTimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadKeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeadSignature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_head_confirmations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_witness_alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_witness_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_witnessed_heads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_witnessed_heads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_head_confirmations_ConversationId",
                table: "audit_head_confirmations",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_head_confirmations_MessageId",
                table: "audit_head_confirmations",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_head_confirmations_Witness_Size",
                table: "audit_head_confirmations",
                columns: new[] { "Witness", "Size" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_witness_alarms_AcknowledgedAtMs",
                table: "audit_witness_alarms",
                column: "AcknowledgedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_audit_witness_alarms_MessageId",
                table: "audit_witness_alarms",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_witnessed_heads_Country_Size",
                table: "audit_witnessed_heads",
                columns: new[] { "Country", "Size" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_witnessed_heads_MessageId",
                table: "audit_witnessed_heads",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_head_confirmations");

            migrationBuilder.DropTable(
                name: "audit_witness_alarms");

            migrationBuilder.DropTable(
                name: "audit_witnessed_heads");
        }
    }
}
