"""The FastAPI app: the REST API under /api, the page at /, its assets under /static."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from marsad.serve import api_export, api_read, api_write
from marsad.serve.deps import Settings
from marsad.serve.security import (
    BodySizeLimit,
    CORSMiddleware,
    SecurityHeaders,
    content_security_policy,
    cors_kwargs,
)
from marsad.store.store import Store

STATIC = Path(__file__).with_name("static")


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The app over `store` (or the database named in `settings.db`)."""
    settings = settings or Settings.from_env()
    import marsad.serve.tables  # noqa: F401  (register the app's tables on the store's metadata)

    store = store or Store(settings.db)
    app = FastAPI(
        docs_url=None,  # served below from the package: the default page loads a CDN and inline script
        redoc_url=None,
        title="marsad",
        version="0.1.0",
        description="Political-violence and protest events coded from Arabic news, with the evidence "
        "behind every field and an analyst review trail.",
    )
    app.state.store = store
    app.state.settings = settings
    app.include_router(api_read.router)
    app.include_router(api_export.router)
    app.include_router(api_write.router)
    if (STATIC / "index.html").exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs" / "index.html", media_type="text/html; charset=utf-8")

    cors = cors_kwargs(settings.cors_origins)
    if cors:
        app.add_middleware(CORSMiddleware, **cors)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tile_url))
    return app
