using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Server.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionTrack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutputId",
                table: "question_status_changes",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleaseVersion",
                table: "question_status_changes",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutputId",
                table: "question_status_changes");

            migrationBuilder.DropColumn(
                name: "ReleaseVersion",
                table: "question_status_changes");
        }
    }
}
