"""The HTTP service: ``replydraft serve`` drafts and checks replies over a small JSON API (FastAPI + uvicorn).

Kept free of heavy imports: the built-in helpdesk adapters live in :mod:`replydraft.server.adapters` and are
loaded by every plugin host, so importing this package must not pull in FastAPI. Build the app with
:func:`replydraft.server.app.create_app`.
"""
