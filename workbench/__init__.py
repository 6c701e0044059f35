"""The translation-and-framing workbench.

Importing this package is cheap: it never imports torch, transformers, ctranslate2 or gradio.
Those load inside the engine modules and the UI package, on first use.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
