using System.Globalization;
using Senningen.Node.Common.Errors;

namespace Senningen.Node.Features.Audit.SearchLog;

/// <summary>
/// The query string of the audit endpoints. Everything arrives as text so that a malformed value becomes a
/// problem naming the field instead of the framework's anonymous 400.
/// </summary>
public sealed record AuditQueryParameters(
    string? User, string? Subject, string? Action, string? From, string? To, string? Purpose, string? CaseReference,
    string? Page, string? PageSize)
{
    public AuditQuery ToQuery(RequestValidator validator)
    {
        var query = new AuditQuery(RequestText.Blank(User), RequestText.Blank(Subject), RequestText.Blank(Action), validator.Moment("from", From), validator.Moment("to", To),
            RequestText.Blank(Purpose), RequestText.Blank(CaseReference));
        query.Validate(validator);
        return query;
    }

    public int PageNumber(RequestValidator validator) => validator.WholeNumber("page", Page, 1, 1, 100_000);

    public int PageLength(RequestValidator validator) => validator.WholeNumber("pageSize", PageSize, 50, 1, 500);


}
