using HighServiceDashboard.Domain.PhoneTests;

namespace HighServiceDashboard.Tests.Domain.PhoneTests;

public class PhoneTestInputValidatorTests
{
    private static readonly PhoneRubric Rubric = DefaultRubric.For(113, PhoneTestRound.FirstHalf, DateTimeOffset.UnixEpoch);
    private static readonly PhoneTestInputValidator Validator = new(Rubric, new HashSet<string> { "no-answer", "no-greeting" });

    private static PhoneTestInput Valid()
    {
        var input = PhoneTestInput.For(Rubric);
        input.AgencyId = 5;
        input.DateText = "113/04/12";
        input.TimeText = "10:30";
        input.Number = "07-3373000#1234";
        input.Tester = "王小明";
        foreach (var s in input.Scores)
        {
            s.Points = 10;
        }

        return input;
    }

    private static List<(string Property, string Message)> Errors(PhoneTestInput input) =>
        Validator.Validate(input).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Fact]
    public void Validate_CompleteEntry_IsValid()
    {
        Assert.Empty(Errors(Valid()));
        Assert.Equal(new DateTimeOffset(2024, 4, 12, 10, 30, 0, TimeSpan.FromHours(8)), Valid().CalledAt());
    }

    [Fact]
    public void Validate_ScoreAboveItsMaximum_NamesTheItem()
    {
        var input = Valid();
        input.Scores[1].Points = 21; // switchboard courtesy, max 20

        Assert.Equal([("Scores[1].Points", PhoneTestMessages.ScoreOutOfRange)], Errors(input));
    }

    [Fact]
    public void Validate_NegativeAndMissingScores_AreRefused()
    {
        var input = Valid();
        input.Scores[0].Points = -1;
        input.Scores[4].Points = null;

        Assert.Equal([("Scores[0].Points", PhoneTestMessages.ScoreOutOfRange), ("Scores[4].Points", PhoneTestMessages.ScoreRequired)], Errors(input));
    }

    [Fact]
    public void Validate_AnItemLeftOut_IsRefused()
    {
        var input = Valid();
        input.Scores.RemoveAt(2);

        Assert.Contains(("Scores", PhoneTestMessages.ItemsMismatch), Errors(input));
    }

    [Fact]
    public void Validate_NoAgencyDateOfAnotherYearBadTimeUnknownFault_EachSaid()
    {
        var input = Valid();
        input.AgencyId = null;
        input.DateText = "112/12/31";
        input.TimeText = "25:00";
        input.FaultCodes = ["no-answer", "sleeping"];

        Assert.Equal(
            [("AgencyId", PhoneTestMessages.AgencyRequired), ("DateText", PhoneTestMessages.DateOutsideYear), ("TimeText", PhoneTestMessages.TimeInvalid), ("FaultCodes[1]", PhoneTestMessages.FaultUnknown)],
            Errors(input));
    }

    [Fact]
    public void Validate_UnreadableDate_SaysInvalidOnce()
    {
        var input = Valid();
        input.DateText = "4月12日";

        Assert.Equal([("DateText", PhoneTestMessages.DateInvalid)], Errors(input));
    }

    [Fact]
    public void RubricValidator_BandsOutOfOrderAndThresholdAboveTotal_AreRefused()
    {
        var input = RubricInput.From(Rubric);
        input.GoodFrom = 95;
        input.FollowUpBelow = 120;

        var errors = new RubricInputValidator().Validate(input).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal([PhoneTestMessages.BandsOrder, PhoneTestMessages.Threshold], errors);
        Assert.True(new RubricInputValidator().Validate(RubricInput.From(Rubric)).IsValid);
    }
}
