"""Celery app and thin task wrappers; all logic lives in `intake`."""
