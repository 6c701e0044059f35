"""Fixtures of the reliability battery.

The headless Chromium (``browser``) is the one session-wide fixture of ``tests/conftest.py``:
Playwright's sync API refuses a second instance while another is running in the same process,
so a second fixture here failed the whole run whenever the browser tests ran first.
"""
