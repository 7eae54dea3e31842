"""Question pictures: only raster images whose bytes prove their type are shown inline.

The content type a file or an editor claims means nothing: an SVG or HTML "picture" served
inline as image/svg+xml or text/html runs script on the site's origin. The magic bytes decide,
on upload and again on every download; anything else goes out as an attachment.
"""

from __future__ import annotations

from typing import IO

from django.http import FileResponse

# (prefix, content type); WebP is RIFF....WEBP, checked below.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
]
HEADER_BYTES = 16


def raster_type(header: bytes) -> str | None:
    """The image type the first bytes prove (PNG, JPEG, GIF, WebP, BMP), or None."""
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return "image/webp"
    for prefix, content_type in MAGIC:
        if header.startswith(prefix):
            return content_type
    return None


def picture_response(handle: IO[bytes], *, filename: str) -> FileResponse:
    """Inline with the proven type, or an attachment of unknown type; the bytes are read again
    here, so a file changed on disk or stored before the upload check is caught too."""
    header = handle.read(HEADER_BYTES)
    handle.seek(0)
    content_type = raster_type(header)
    if content_type is None:
        response = FileResponse(
            handle, content_type="application/octet-stream", as_attachment=True, filename=filename or "file"
        )
    else:
        response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
