#!/usr/bin/env python3
"""Build the dataset: ``python build_dataset.py [--input DIR] [--output DIR] [--strict]``.

A thin entry point; the same build is ``hospital-party-news build``.
"""

import sys

from hospital_party_news.cli import build_main

if __name__ == "__main__":
    sys.exit(build_main())
