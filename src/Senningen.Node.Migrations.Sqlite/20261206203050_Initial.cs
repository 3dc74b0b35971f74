using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senningen.Node.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anpr_cameras",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_cameras", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    CameraId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CameraName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntryPlate = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Confusions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ReceivedFrom = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListedAs = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PlateText = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFromMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidToMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_reads", x => x.Id);
                });

            // Written by hand, outside the EF model (ADR 0012): on SQLite reads are found by plate, camera and time through
            // sorted runs of (term, time, read) entries instead of secondary indexes on anpr_reads.
            migrationBuilder.Sql("""
                CREATE TABLE anpr_read_runs (
                    "Id" INTEGER NOT NULL PRIMARY KEY,
                    "State" INTEGER NOT NULL,
                    "Entries" INTEGER NOT NULL,
                    "FromMs" INTEGER NOT NULL,
                    "ToMs" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE anpr_read_terms (
                    "Run" INTEGER NOT NULL,
                    "Term" TEXT NOT NULL,
                    "ObservedAtMs" INTEGER NOT NULL,
                    "ReadId" INTEGER NOT NULL,
                    PRIMARY KEY ("Run", "Term", "ObservedAtMs", "ReadId")) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Records = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "common_idempotent_requests",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_common_idempotent_requests", x => new { x.UserName, x.Key });
                });

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

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EnvelopeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HandleAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextHandleAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntilMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AlertAcknowledged = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntilMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alert_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    Heading = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alert_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HomeZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Units = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vehicles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Heading = table.Column<double>(type: "REAL", nullable: true),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    CrossedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorisationDeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_crossings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ToCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FromZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    DetectedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    Heading = table.Column<double>(type: "REAL", nullable: true),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HomeZone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Vehicles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AuthorisationReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorisationDeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedByLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    EndedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_partner_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_partner_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuingCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    GivenNames = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SurnameKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HouseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Handling = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_vehicles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PlateKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Vin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Make = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstRegistered = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_vehicles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestingCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RequestedCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SpocCopy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LiaisonOfficerId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerByMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeByMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClockRunning = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemindedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DelayReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpectedByMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ops_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallSign = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Vehicle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Officers = table.Column<int>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DetectorState = table.Column<string>(type: "TEXT", nullable: false),
                    LastFixAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLat = table.Column<double>(type: "REAL", nullable: true),
                    LastLon = table.Column<double>(type: "REAL", nullable: true),
                    LastSpeed = table.Column<double>(type: "REAL", nullable: true),
                    LastHeading = table.Column<double>(type: "REAL", nullable: true),
                    LastAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ops_units_ops_operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "ops_operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "anpr_hotlist_version",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hits_ReceivedAtMs",
                table: "anpr_hits",
                column: "ReceivedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hotlist_CanonicalKey",
                table: "anpr_hotlist",
                column: "CanonicalKey");

            migrationBuilder.CreateIndex(
                name: "IX_anpr_hotlist_Owner_PlateText_Category",
                table: "anpr_hotlist",
                columns: new[] { "Owner", "PlateText", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Action_OccurredAtUnixMs",
                table: "audit_entries",
                columns: new[] { "Action", "OccurredAtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor_OccurredAtUnixMs",
                table: "audit_entries",
                columns: new[] { "Actor", "OccurredAtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_OccurredAtUnixMs",
                table: "audit_entries",
                column: "OccurredAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_common_idempotent_requests_CreatedAtMs",
                table: "common_idempotent_requests",
                column: "CreatedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_answers_SearchId_Country",
                table: "consultation_answers",
                columns: new[] { "SearchId", "Country" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_searches_RequestedBy_StartedAtMs",
                table: "consultation_searches",
                columns: new[] { "RequestedBy", "StartedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_inbox_Sender_ConversationId_Sequence",
                table: "exchange_inbox",
                columns: new[] { "Sender", "ConversationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_inbox_Status_NextHandleAtMs",
                table: "exchange_inbox",
                columns: new[] { "Status", "NextHandleAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_ConversationId_Sequence",
                table: "exchange_outbox",
                columns: new[] { "ConversationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_Recipient_Status",
                table: "exchange_outbox",
                columns: new[] { "Recipient", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_outbox_Status_NextAttemptAtMs",
                table: "exchange_outbox",
                columns: new[] { "Status", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_alert_fixes_OperationId_Unit_TimeMs",
                table: "ops_alert_fixes",
                columns: new[] { "OperationId", "Unit", "TimeMs" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_OperationId_Zone",
                table: "ops_alerts",
                columns: new[] { "OperationId", "Zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_alerts_Status_ReceivedAtMs",
                table: "ops_alerts",
                columns: new[] { "Status", "ReceivedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_crossings_OperationId_AtMs",
                table: "ops_crossings",
                columns: new[] { "OperationId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_events_OperationId_AtMs",
                table: "ops_events",
                columns: new[] { "OperationId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_fixes_OperationId_Unit_TimeMs",
                table: "ops_fixes",
                columns: new[] { "OperationId", "Unit", "TimeMs" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_operations_Status_StartedAtMs",
                table: "ops_operations",
                columns: new[] { "Status", "StartedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ops_partner_notices_OperationId_Partner_Zone",
                table: "ops_partner_notices",
                columns: new[] { "OperationId", "Partner", "Zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ops_units_OperationId_CallSign",
                table: "ops_units",
                columns: new[] { "OperationId", "CallSign" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_requests_attachments_RequestId",
                table: "requests_attachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_events_RequestId_AtMs",
                table: "requests_events",
                columns: new[] { "RequestId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_CaseReference",
                table: "requests_requests",
                column: "CaseReference");

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_ClockRunning_AnswerByMs",
                table: "requests_requests",
                columns: new[] { "ClockRunning", "AnswerByMs" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_requests_Side_State",
                table: "requests_requests",
                columns: new[] { "Side", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE anpr_read_terms;");
            migrationBuilder.Sql("DROP TABLE anpr_read_runs;");

            migrationBuilder.DropTable(
                name: "anpr_cameras");

            migrationBuilder.DropTable(
                name: "anpr_hits");

            migrationBuilder.DropTable(
                name: "anpr_hotlist");

            migrationBuilder.DropTable(
                name: "anpr_hotlist_version");

            migrationBuilder.DropTable(
                name: "anpr_reads");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "common_idempotent_requests");

            migrationBuilder.DropTable(
                name: "consultation_answers");

            migrationBuilder.DropTable(
                name: "consultation_searches");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "exchange_inbox");

            migrationBuilder.DropTable(
                name: "exchange_outbox");

            migrationBuilder.DropTable(
                name: "ops_alert_fixes");

            migrationBuilder.DropTable(
                name: "ops_alerts");

            migrationBuilder.DropTable(
                name: "ops_crossings");

            migrationBuilder.DropTable(
                name: "ops_events");

            migrationBuilder.DropTable(
                name: "ops_fixes");

            migrationBuilder.DropTable(
                name: "ops_partner_notices");

            migrationBuilder.DropTable(
                name: "ops_units");

            migrationBuilder.DropTable(
                name: "registry_documents");

            migrationBuilder.DropTable(
                name: "registry_persons");

            migrationBuilder.DropTable(
                name: "registry_records");

            migrationBuilder.DropTable(
                name: "registry_vehicles");

            migrationBuilder.DropTable(
                name: "requests_attachments");

            migrationBuilder.DropTable(
                name: "requests_events");

            migrationBuilder.DropTable(
                name: "requests_requests");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ops_operations");
        }
    }
}
