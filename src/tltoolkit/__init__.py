"""Teacher Leadership Toolkit: data -> models -> content -> web pages and printable documents.

The stages, in order: `source/` (read and check the data and district.yml), `content/` (what
pages and documents share), then `web/` and `documents/`. The core never imports MkDocs;
`hooks/` adapt it to MkDocs.
"""

from .source.catalog import Catalog, load_catalog
from .source.district import District
from .source.errors import DataError, DataErrors
from .source.load import load_toolkit

__all__ = ["Catalog", "DataError", "DataErrors", "District", "load_catalog", "load_toolkit"]
