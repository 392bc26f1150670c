"""`intake web`: the editorial desk (intake.web.app), served by uvicorn on 127.0.0.1 by default."""

from __future__ import annotations

from intake.config import Settings


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    from intake.runtime import build_runtime
    from intake.web.app import create_app

    app = create_app(build_runtime(settings))
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False, log_level="info")
