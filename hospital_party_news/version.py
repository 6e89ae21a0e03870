"""Versions, each with its own meaning (rules in CHANGELOG.md):

- ``DATASET_VERSION``: the data. PATCH = same records, different serialization; MINOR = new
  columns or new records, old ones unchanged; MAJOR = records or their meanings changed.
- ``BUILDER_VERSION``: this package's code (the Python distribution's version).
- ``SCHEMA_VERSION`` (in ``schema.py``): the column declarations.
"""

DATASET_VERSION = "2.0.4"
RELEASE_DATE = "2026-12-08"  # of DATASET_VERSION; a date, not the build time, so bytes stay reproducible
BUILDER_VERSION = "0.15.0"
