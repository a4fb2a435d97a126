using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KokkaBot.Knowledge.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialKnowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnowledgeAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Towns = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Contact_Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Contact_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Contact_Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact_Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Contact_OpeningHours = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Contact_Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Contact_Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Source_Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Source_Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source_Date = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Source_NeedsCheck = table.Column<bool>(type: "boolean", nullable: false),
                    Source_Facts = table.Column<string>(type: "text", nullable: false),
                    Employer_Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Employer_Size = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Employer_WorkingLanguages = table.Column<string>(type: "text", nullable: true),
                    Employer_CareersUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Employer_TakesInterns = table.Column<bool>(type: "boolean", nullable: true),
                    Employer_TakesThesisWorkers = table.Column<bool>(type: "boolean", nullable: true),
                    Employer_TakesSummerWorkers = table.Column<bool>(type: "boolean", nullable: true),
                    Verified = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeLinkChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HttpStatus = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeLinkChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeUnansweredQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Town = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BestSlug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    BestScore = table.Column<double>(type: "double precision", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeUnansweredQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeEntryTexts",
                columns: table => new
                {
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Keywords = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeEntryTexts", x => new { x.EntryId, x.Language });
                    table.ForeignKey(
                        name: "FK_KnowledgeEntryTexts_KnowledgeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "KnowledgeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeAudit_At",
                table: "KnowledgeAudit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_ReviewDue",
                table: "KnowledgeEntries",
                column: "ReviewDue");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_Slug",
                table: "KnowledgeEntries",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_Status",
                table: "KnowledgeEntries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeLinkChecks_EntryId_Field",
                table: "KnowledgeLinkChecks",
                columns: new[] { "EntryId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeRevisions_EntryId_Version",
                table: "KnowledgeRevisions",
                columns: new[] { "EntryId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeUnansweredQuestions_AskedAt",
                table: "KnowledgeUnansweredQuestions",
                column: "AskedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnowledgeAudit");

            migrationBuilder.DropTable(
                name: "KnowledgeEntryTexts");

            migrationBuilder.DropTable(
                name: "KnowledgeLinkChecks");

            migrationBuilder.DropTable(
                name: "KnowledgeRevisions");

            migrationBuilder.DropTable(
                name: "KnowledgeUnansweredQuestions");

            migrationBuilder.DropTable(
                name: "KnowledgeEntries");
        }
    }
}
