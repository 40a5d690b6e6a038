using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighServiceDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhoneTests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhoneFaults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    RetiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneFaults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneRubrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RocYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ExcellentFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    GoodFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    FairFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUpBelow = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneRubrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneTests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RocYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Tester = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RubricId = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneTests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneTests_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneTests_PhoneRubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "PhoneRubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RubricItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RubricId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MaxPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RubricItems_PhoneRubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "PhoneRubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhoneFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhoneTestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Improvement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneFollowUps_PhoneTests_PhoneTestId",
                        column: x => x.PhoneTestId,
                        principalTable: "PhoneTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhoneTestFault",
                columns: table => new
                {
                    PhoneTestId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhoneFaultId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneTestFault", x => new { x.PhoneTestId, x.PhoneFaultId });
                    table.ForeignKey(
                        name: "FK_PhoneTestFault_PhoneFaults_PhoneFaultId",
                        column: x => x.PhoneFaultId,
                        principalTable: "PhoneFaults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneTestFault_PhoneTests_PhoneTestId",
                        column: x => x.PhoneTestId,
                        principalTable: "PhoneTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhoneTestScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhoneTestId = table.Column<int>(type: "INTEGER", nullable: false),
                    RubricItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneTestScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneTestScores_PhoneTests_PhoneTestId",
                        column: x => x.PhoneTestId,
                        principalTable: "PhoneTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhoneTestScores_RubricItems_RubricItemId",
                        column: x => x.RubricItemId,
                        principalTable: "RubricItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneFaults_Code",
                table: "PhoneFaults",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneFollowUps_AgencyId",
                table: "PhoneFollowUps",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneFollowUps_PhoneTestId",
                table: "PhoneFollowUps",
                column: "PhoneTestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneRubrics_RocYear_Round_Version",
                table: "PhoneRubrics",
                columns: new[] { "RocYear", "Round", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTestFault_PhoneFaultId",
                table: "PhoneTestFault",
                column: "PhoneFaultId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTests_AgencyId_CalledAt",
                table: "PhoneTests",
                columns: new[] { "AgencyId", "CalledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTests_RocYear_Round",
                table: "PhoneTests",
                columns: new[] { "RocYear", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTests_RubricId",
                table: "PhoneTests",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTestScores_PhoneTestId_RubricItemId",
                table: "PhoneTestScores",
                columns: new[] { "PhoneTestId", "RubricItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneTestScores_RubricItemId",
                table: "PhoneTestScores",
                column: "RubricItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RubricItems_RubricId_Key",
                table: "RubricItems",
                columns: new[] { "RubricId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhoneFollowUps");

            migrationBuilder.DropTable(
                name: "PhoneTestFault");

            migrationBuilder.DropTable(
                name: "PhoneTestScores");

            migrationBuilder.DropTable(
                name: "PhoneFaults");

            migrationBuilder.DropTable(
                name: "PhoneTests");

            migrationBuilder.DropTable(
                name: "RubricItems");

            migrationBuilder.DropTable(
                name: "PhoneRubrics");
        }
    }
}
