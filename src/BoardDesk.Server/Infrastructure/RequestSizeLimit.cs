using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Refuses a body whose declared length is over <see cref="BoardDeskOptions.MaxRequestBodyBytes"/> before any of it
/// is read. Kestrel enforces the same limit on bodies sent without a length, so every host answers the same 413.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IOptions<BoardDeskOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.Value.MaxRequestBodyBytes)
        {
            throw new BadHttpRequestException($"The request body is larger than {options.Value.MaxRequestBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
