using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KokkaBot.Knowledge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnowledgeAnswerFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeAnswerFeedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeAnswerFeedback_At",
                table: "KnowledgeAnswerFeedback",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeAnswerFeedback_Slug",
                table: "KnowledgeAnswerFeedback",
                column: "Slug");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnowledgeAnswerFeedback");
        }
    }
}
