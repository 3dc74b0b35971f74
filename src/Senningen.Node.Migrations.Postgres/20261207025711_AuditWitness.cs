using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Witness = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeadTimestampMs = table.Column<long>(type: "bigint", nullable: false),
                    HeadKeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeadSignature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_head_confirmations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_witness_alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Partner = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_witness_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_witnessed_heads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TimestampMs = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false)
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
