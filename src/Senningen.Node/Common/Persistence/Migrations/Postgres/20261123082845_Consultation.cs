using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Consultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultation_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SearchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Refusal = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Hit = table.Column<bool>(type: "boolean", nullable: false),
                    TooBroad = table.Column<bool>(type: "boolean", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Context = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataSet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Criteria = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Partners = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    DeadlineMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_searches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_answers_SearchId_Country",
                table: "consultation_answers",
                columns: new[] { "SearchId", "Country" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_searches_RequestedBy_StartedAtMs",
                table: "consultation_searches",
                columns: new[] { "RequestedBy", "StartedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_answers");

            migrationBuilder.DropTable(
                name: "consultation_searches");
        }
    }
}
