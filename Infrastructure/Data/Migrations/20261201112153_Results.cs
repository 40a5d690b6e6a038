using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighServiceDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RocYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SubmitsAwardApplication = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualResults_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultsId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubItemCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Achievement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultItems_AnnualResults_ResultsId",
                        column: x => x.ResultsId,
                        principalTable: "AnnualResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultsAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultsId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubItemCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsAttachments_AnnualResults_ResultsId",
                        column: x => x.ResultsId,
                        principalTable: "AnnualResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultsStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultsId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsStatusChange_AnnualResults_ResultsId",
                        column: x => x.ResultsId,
                        principalTable: "AnnualResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualResults_AgencyId_RocYear",
                table: "AnnualResults",
                columns: new[] { "AgencyId", "RocYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualResults_RocYear_Status",
                table: "AnnualResults",
                columns: new[] { "RocYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultItems_ResultsId_SubItemCode",
                table: "ResultItems",
                columns: new[] { "ResultsId", "SubItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultsAttachments_ResultsId",
                table: "ResultsAttachments",
                column: "ResultsId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsStatusChange_ResultsId",
                table: "ResultsStatusChange",
                column: "ResultsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultItems");

            migrationBuilder.DropTable(
                name: "ResultsAttachments");

            migrationBuilder.DropTable(
                name: "ResultsStatusChange");

            migrationBuilder.DropTable(
                name: "AnnualResults");
        }
    }
}
