namespace Senningen.Node.Common.Officers;

/// <summary>Fills the request's <see cref="CurrentOfficer"/> from the authenticated user; runs after authentication.</summary>
internal sealed class CurrentOfficerMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentOfficer officer)
    {
        officer.Use(context.User);
        return next(context);
    }
}
