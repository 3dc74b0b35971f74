using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary>
/// <c>POST /api/v1/anpr/cameras</c>: registers a police camera, or a partner's under its partnership agreement (201, or 400
/// naming each broken rule); <c>GET</c>: the cameras.
/// </summary>
internal static class RegisterCamera
{
    public static async Task<Results<Created<CameraView>, ProblemHttpResult>> HandleAsync(RegisterCameraRequest? request, CameraRegistry registry,
        Texts texts, CancellationToken ct)
    {
        var outcome = await registry.RegisterAsync(request, ct);
        return outcome.Camera is { } camera
            ? TypedResults.Created($"/api/v1/anpr/cameras/{camera.Id}", camera)
            : Problems.Validation(texts, outcome.Errors);
    }

    public static async Task<Ok<List<CameraView>>> ListAsync(CameraRegistry registry, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(PageRequest.Of(http, ListDefault), ct));

    /// <summary>What a call without <c>limit</c> gets: a node's cameras, whole (hundreds).</summary>
    public const int ListDefault = 500;
}
