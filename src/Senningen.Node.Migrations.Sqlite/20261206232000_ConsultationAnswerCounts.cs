using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <summary>
    /// A partner's consultation answer may give hit counts only, with what to add, when the person criteria were too
    /// wide for the level the treaty allows (issue 21): the asking node keeps both with the answer.
    /// </summary>
    public partial class ConsultationAnswerCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "consultation_answers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToAdd",
                table: "consultation_answers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Count",
                table: "consultation_answers");

            migrationBuilder.DropColumn(
                name: "ToAdd",
                table: "consultation_answers");
        }
    }
}
