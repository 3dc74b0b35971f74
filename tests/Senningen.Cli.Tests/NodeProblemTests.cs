using Senningen.Cli.Http;

namespace Senningen.Cli.Tests;

public sealed class NodeProblemTests
{
    [Fact]
    public void Render_ProblemWithFieldErrors_IsOneLineNamingEachField()
    {
        var problem = NodeProblem.Parse(400, "Bad Request", """
            {"type":"https://senningen.eu/problems/validation","title":"Invalid user","status":400,
             "detail":"One or more fields are invalid.","instance":"/api/v1/admin/users",
             "errors":[{"field":"username","rule":"unique","message":"is already taken"},
                       {"field":"roles","rule":"notEmpty","message":"needs at least one role"}],
             "traceId":"00-abc-def-01"}
            """);

        problem.Render().ShouldBe("Invalid user: One or more fields are invalid. (username: is already taken; roles: needs at least one role)");
    }

    [Fact]
    public void Render_DetailWithLineBreaks_StaysOnOneLine()
    {
        var problem = NodeProblem.Parse(409, null, """{"title":"Conflict","detail":"first line\r\nsecond line"}""");

        problem.Render().ShouldBe("Conflict: first line second line");
    }

    [Fact]
    public void Render_DetailThatRepeatsTheTitle_IsShownOnce()
    {
        NodeProblem.Parse(403, null, """{"title":"Forbidden","detail":"Forbidden"}""").Render().ShouldBe("Forbidden");
    }

    [Fact]
    public void Parse_AspNetValidationMap_ReadsEveryMessageOfEveryField()
    {
        var problem = NodeProblem.Parse(400, null, """{"title":"Validation failed","errors":{"Unit":["is required","is too short"]}}""");

        problem.Render().ShouldBe("Validation failed (Unit: is required; Unit: is too short)");
    }

    [Theory]
    [InlineData("<html>Bad Gateway</html>", "Bad Gateway", "Bad Gateway")]
    [InlineData("", null, "HTTP 502")]
    [InlineData("[1,2]", "Bad Gateway", "Bad Gateway")]
    public void Parse_BodyThatIsNotAProblem_FallsBackToTheStatus(string body, string? reason, string expected)
    {
        NodeProblem.Parse(502, reason, body).Render().ShouldBe(expected);
    }
}
