"""Runners: extract every pending document of a store (local process pool, or Dask)."""

from marsad.run.work import DocumentResult, DocumentTask, process_documents

__all__ = ["DocumentResult", "DocumentTask", "process_documents"]
