using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senningen.Node.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Direction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    AgreementReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_cameras", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    ObservedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    CameraId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CameraName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryPlate = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Confusions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    SentTo = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ReceivedFrom = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListedAs = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PlateText = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CanonicalKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Format = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    ValidFromMs = table.Column<long>(type: "bigint", nullable: false),
                    ValidToMs = table.Column<long>(type: "bigint", nullable: true),
                    Owner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_hotlist_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_hotlist_version", x => x.Id);
                });

            // Written by hand, not by EF (the model keeps anpr_reads as a plain table with an identity key): reads are
            // partitioned by day of observation so that retention drops whole days (ReadPartitions adds the days).
            // The key must hold the partition column, and PostgreSQL 15 has no identity column on a partitioned table,
            // so ids come from a sequence. Late or early reads land in the default partition.
            migrationBuilder.Sql("""
                CREATE SEQUENCE anpr_reads_id_seq AS bigint;
                CREATE TABLE anpr_reads (
                    "Id" bigint NOT NULL DEFAULT nextval('anpr_reads_id_seq'),
                    "CameraId" character varying(64) NOT NULL,
                    "Plate" character varying(10) NOT NULL,
                    "CanonicalKey" character varying(10) NOT NULL,
                    "Candidates" character varying(4000) NULL,
                    "Country" character varying(3) NULL,
                    "Confidence" double precision NOT NULL,
                    "ObservedAtMs" bigint NOT NULL,
                    "Lat" double precision NULL,
                    "Lon" double precision NULL,
                    "ReceivedAtMs" bigint NOT NULL,
                    CONSTRAINT "PK_anpr_reads" PRIMARY KEY ("Id", "ObservedAtMs")
                ) PARTITION BY RANGE ("ObservedAtMs");
                ALTER SEQUENCE anpr_reads_id_seq OWNED BY anpr_reads."Id";
                CREATE TABLE anpr_reads_default PARTITION OF anpr_reads DEFAULT;
                CREATE INDEX "IX_anpr_reads_CameraId_ObservedAtMs" ON anpr_reads ("CameraId", "ObservedAtMs");
                CREATE INDEX "IX_anpr_reads_CanonicalKey_ObservedAtMs" ON anpr_reads ("CanonicalKey", "ObservedAtMs");
                """);

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Records = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "common_idempotent_requests",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Request = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_common_idempotent_requests", x => new { x.UserName, x.Key });
                });

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

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sender = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EnvelopeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Receipt = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HandleAttempts = table.Column<int>(type: "integer", nullable: false),
                    NextHandleAtMs = table.Column<long>(type: "bigint", nullable: false),
                    HandledAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntilMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "bigint", nullable: false),
                    LastAttemptAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Receipt = table.Column<string>(type: "text", nullable: true),
                    CompletedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AlertAcknowledged = table.Column<bool>(type: "boolean", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntilMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alert_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    Heading = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alert_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HomeZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Units = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Vehicles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Heading = table.Column<double>(type: "double precision", nullable: true),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    CrossedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    AuthorisationDeadlineMs = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_crossings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ToCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FromZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    DetectedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Arguments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_fixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Speed = table.Column<double>(type: "double precision", nullable: true),
                    Heading = table.Column<double>(type: "double precision", nullable: true),
                    Accuracy = table.Column<double>(type: "double precision", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_fixes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HomeCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HomeZone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Vehicles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suspect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuthorisationReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorisationDeadlineMs = table.Column<long>(type: "bigint", nullable: true),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedByLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    EndedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EndNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ops_partner_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Partner = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ops_partner_notices", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "requests_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FromState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Side = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestingCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RequestedCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Recipient = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SpocCopy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LiaisonOfficerId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Fields = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AnswerByMs = table.Column<long>(type: "bigint", nullable: true),
                    RemindAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgeByMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClockRunning = table.Column<bool>(type: "boolean", nullable: false),
                    RemindedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    EscalatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DelayReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpectedByMs = table.Column<long>(type: "bigint", nullable: true),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallSign = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Vehicle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Officers = table.Column<int>(type: "integer", nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DetectorState = table.Column<string>(type: "text", nullable: false),
                    LastFixAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastLat = table.Column<double>(type: "double precision", nullable: true),
                    LastLon = table.Column<double>(type: "double precision", nullable: true),
                    LastSpeed = table.Column<double>(type: "double precision", nullable: true),
                    LastHeading = table.Column<double>(type: "double precision", nullable: true),
                    LastAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
