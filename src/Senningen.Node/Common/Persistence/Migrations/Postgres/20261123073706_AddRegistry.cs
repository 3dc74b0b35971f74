using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Common.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuingCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HolderId = table.Column<long>(type: "bigint", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    NationalId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Surname = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    SurnameKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    Nationality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Street = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    HouseNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Municipality = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Handling = table.Column<int>(type: "integer", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_vehicles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PlateKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Vin = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    Make = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HolderId = table.Column<long>(type: "bigint", nullable: true),
                    FirstRegistered = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_vehicles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_documents_HolderId",
                table: "registry_documents",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_documents_Number",
                table: "registry_documents",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_NationalId",
                table: "registry_persons",
                column: "NationalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_SurnameKey_BirthYear",
                table: "registry_persons",
                columns: new[] { "SurnameKey", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_records_Subject_SubjectId",
                table: "registry_records",
                columns: new[] { "Subject", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_HolderId",
                table: "registry_vehicles",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_Plate",
                table: "registry_vehicles",
                column: "Plate");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_PlateKey",
                table: "registry_vehicles",
                column: "PlateKey");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_Vin",
                table: "registry_vehicles",
                column: "Vin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_documents");

            migrationBuilder.DropTable(
                name: "registry_persons");

            migrationBuilder.DropTable(
                name: "registry_records");

            migrationBuilder.DropTable(
                name: "registry_vehicles");
        }
    }
}
