"""The Gradio workbench (``workbench serve``).

Layout of this package:

* :mod:`workbench.ui.app` builds the :class:`gradio.Blocks` app (``create_app``) and serves it;
* :mod:`workbench.ui.tabs` holds one module per tab, each with a ``build(ctx)`` function that lays
  out the components and wires events to handlers;
* :mod:`workbench.ui.handlers` holds the handlers: plain functions over :mod:`workbench.pipeline`
  that never import gradio, so they are tested directly (``tests/ui``);
* :mod:`workbench.ui.render` turns results into escaped HTML and table rows.

Importing this package does not import gradio; only ``app`` and ``tabs`` do.
"""
