"""The site tests' fixtures (``built_site``, ``site_url``, ``axe_script``, ``browser``,
``screenshot_dir``) live in ``tests/conftest.py``, shared with the agreement builder's tests in
``tests/builder/``, so a whole run builds the site and starts chromium only once."""
