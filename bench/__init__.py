"""`make bench`: the site under load beside a bare Django view (see `run.py`)."""
