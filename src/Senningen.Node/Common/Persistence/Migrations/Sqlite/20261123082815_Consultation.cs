using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SearchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Hit = table.Column<bool>(type: "INTEGER", nullable: false),
                    TooBroad = table.Column<bool>(type: "INTEGER", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataSet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Partners = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineMs = table.Column<long>(type: "INTEGER", nullable: false)
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
