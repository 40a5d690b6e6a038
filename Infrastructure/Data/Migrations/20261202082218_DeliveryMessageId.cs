using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HighServiceDashboard.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryMessageId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "AlertDeliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "AlertDeliveries");
        }
    }
}
