#!/usr/bin/env python3
"""Build the dataset: ``python build_dataset.py [--input DIR] [--output DIR] [--strict]``.

A thin entry point; the same build is ``hospital-party-news build``.
"""

from hospital_party_news.cli import build_main, exit_now

if __name__ == "__main__":
    exit_now(build_main())
