"""Handlers of the UI: plain functions over the pipeline, testable without gradio.

They take plain values (strings, lists, paths) and return plain values or frozen results; user
errors are raised as :class:`workbench.errors.WorkbenchError`, which the tabs show as one message.
"""
