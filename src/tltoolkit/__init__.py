"""Teacher Leadership Toolkit: data -> models -> content -> web pages and printable documents.

The core never imports MkDocs; `hooks/toolkit.py` adapts it to MkDocs.
"""

from .source.catalog import Catalog, load_catalog
from .source.errors import DataError, DataErrors

__all__ = ["Catalog", "DataError", "DataErrors", "load_catalog"]
