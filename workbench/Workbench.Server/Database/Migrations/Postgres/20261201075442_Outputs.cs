using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Server.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "output_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProjectId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CheckResult = table.Column<string>(type: "text", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    compared_with = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    reviews = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_output_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_output_requests_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Version = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "released_outputs",
                columns: table => new
                {
                    OutputId = table.Column<string>(type: "character varying(32)", nullable: false),
                    ReleaseVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProjectId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicTable = table.Column<string>(type: "text", nullable: false),
                    RulesVersion = table.Column<string>(type: "text", nullable: false),
                    FirstApprover = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecondApprover = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReleasedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_released_outputs", x => x.OutputId);
                    table.ForeignKey(
                        name: "FK_released_outputs_output_requests_OutputId",
                        column: x => x.OutputId,
                        principalTable: "output_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_released_outputs_releases_ReleaseVersion",
                        column: x => x.ReleaseVersion,
                        principalTable: "releases",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retractions",
                columns: table => new
                {
                    OutputId = table.Column<string>(type: "character varying(32)", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RetractedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RetractedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retractions", x => x.OutputId);
                    table.ForeignKey(
                        name: "FK_retractions_released_outputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "released_outputs",
                        principalColumn: "OutputId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_output_requests_AuthorId",
                table: "output_requests",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_output_requests_ProjectId",
                table: "output_requests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_output_requests_Status",
                table: "output_requests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_released_outputs_ProjectId",
                table: "released_outputs",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_released_outputs_ReleaseVersion",
                table: "released_outputs",
                column: "ReleaseVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retractions");

            migrationBuilder.DropTable(
                name: "released_outputs");

            migrationBuilder.DropTable(
                name: "output_requests");

            migrationBuilder.DropTable(
                name: "releases");
        }
    }
}
