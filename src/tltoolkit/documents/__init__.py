"""Printable documents (fillable PDFs, editable Word files) from the validated catalog.

`build_documents(catalog, out_dir, cache_dir, settings)` writes them all and returns a
`Report`. Each document kind has a folder with its HTML template and print CSS; this
package never imports MkDocs.
"""

from __future__ import annotations

from . import background, workers
from .build import Job, Report, Settings, build_documents, document_paths, plan, start_documents

__all__ = [
    "Job", "Report", "Settings", "background", "build_documents", "document_paths", "plan", "start_documents",
    "workers",
]  # fmt: skip
