"""`marsad serve`: the web app and REST API (FastAPI under uvicorn)."""

from __future__ import annotations

import typer


def serve(
    db: str = typer.Option(None, "--db", help="database URL or SQLite path (default: $MARSAD_DB or the per-user file)"),
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, help="port to listen on"),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="allow this origin to call the API (repeatable); closed by default"),
    tile_url: str = typer.Option(None, "--tile-url", help="a raster tile URL template for users online; the bundled basemap otherwise"),
    tile_attribution: str = typer.Option(None, "--tile-attribution", help="attribution text for --tile-url"),
    read_token: bool = typer.Option(False, "--read-token", help="require an API token for reading too"),
    workers: int = typer.Option(1, help="uvicorn worker processes"),
) -> None:
    """Serve the map, timeline, filters, event evidence and review page, and the REST API (/docs)."""
    import os

    import uvicorn

    from marsad.serve.app import create_app
    from marsad.serve.deps import Settings

    settings = Settings.from_env(db=db, cors_origins=cors_origin or None, tile_url=tile_url,
                                 tile_attribution=tile_attribution, read_requires_token=read_token or None)
    if workers > 1:  # each worker builds its own app from the environment
        if db:
            os.environ["MARSAD_DB"] = db
        uvicorn.run("marsad.serve.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    app = create_app(settings)
    typer.echo(f"marsad: serving {app.state.store!r} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
