using BoardDesk.Grains;

namespace BoardDesk.Server.Infrastructure;

/// <summary>The caller is known but their roles do not allow this request on this board (403).</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
