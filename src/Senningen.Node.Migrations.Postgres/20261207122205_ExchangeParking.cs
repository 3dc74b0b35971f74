using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangeParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Refusals",
                table: "exchange_outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_inbox_Sender_Type_ReceivedAtMs",
                table: "exchange_inbox",
                columns: new[] { "Sender", "Type", "ReceivedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exchange_inbox_Sender_Type_ReceivedAtMs",
                table: "exchange_inbox");

            migrationBuilder.DropColumn(
                name: "Refusals",
                table: "exchange_outbox");
        }
    }
}
