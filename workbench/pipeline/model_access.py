"""Which models a browser user may run: only those the operator named.

The UI never opens a server path a visitor types. A model typed into the Translate tab (or sent
through the Gradio API) is accepted when it is

* a model of the catalog (``models/catalog.toml``), by name or Hub id;
* a model the operator offered with ``serve --model ENGINE:MODEL``;
* a folder inside one of the operator's model folders: ``$WORKBENCH_HOME/models`` and every
  ``serve --models-dir DIR``, given by its name there (``opus-mt-ru-en``) or by a path inside
  such a folder (``..`` is never accepted; a symlink the operator put in the folder is
  followed, since only the operator can create one there).

Anything else is refused with :data:`REFUSAL`, the same sentence whether or not the path exists,
so the answer reveals nothing about the server's file system. ``imported`` translations never
come from a typed path: they are uploaded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench import models
from workbench.errors import UserInputError
from workbench.settings import Settings

#: The one answer to a model that is not on offer (it never depends on the file system).
REFUSAL = (
    "That model is not offered on this server: pick one from the list, or type the name of a "
    "folder in the model folders the operator set up (ask them to add it with "
    "`workbench serve --models-dir DIR`)."
)


@dataclass(frozen=True)
class ModelAccess:
    """The operator's rule for models typed in the UI.

    Attributes:
        folders: Folders whose sub-folders may be run (the home's ``models`` first).
        offered: ``(engine, model)`` pairs from ``serve --model``.
    """

    folders: tuple[Path, ...]
    offered: tuple[tuple[str, str], ...] = ()

    @classmethod
    def for_serve(
        cls,
        settings: Settings,
        models_dirs: Sequence[str | Path] = (),
        offered: Sequence[tuple[str, str]] = (),
    ) -> ModelAccess:
        """The rule for one ``serve``: the home's models folder plus ``--models-dir`` folders.

        Raises:
            UserInputError: when a ``--models-dir`` is not a folder (said at start, to the
                operator, who typed it).
        """
        folders = [settings.home / "models"]
        for given in models_dirs:
            folder = Path(given).expanduser()
            if not folder.is_dir():
                raise UserInputError(f"--models-dir {folder} is not a folder; give a folder.")
            folders.append(folder)
        return cls(tuple(folders), tuple(offered))

    def resolve(self, engine: str, typed: str) -> str:
        """The model to load for what a visitor typed, or :data:`REFUSAL`.

        Args:
            engine: The engine chosen in the UI.
            typed: What was typed (a catalog name or Hub id, or a folder name or path).

        Returns:
            A catalog Hub id, an offered model, or the absolute path of an allowed folder.

        Raises:
            UserInputError: with :data:`REFUSAL` for anything not on offer, and for the
                ``imported`` engine (its translations are uploaded, never read from a path).
        """
        value = (typed or "").strip()
        if not value or "\x00" in value:
            raise UserInputError(REFUSAL)
        if engine == "imported":
            raise UserInputError(
                "Translations made elsewhere are uploaded, not read from a server path: "
                "use the upload box."
            )
        entry = models.find_entry(value)
        if entry is not None:
            return entry.hub_id
        if (engine, value) in self.offered:
            return value
        found = self.in_folders(value)
        if found is None:
            raise UserInputError(REFUSAL)
        return str(found)

    def in_folders(self, value: str) -> Path | None:
        """The folder ``value`` names inside one of :attr:`folders` (by its name there or a
        path inside one), or ``None``; ``..`` is never followed. ``workbench translate``
        uses it too, so a name finds the same folder on the command line as in the UI."""
        typed = Path(value)
        if ".." in typed.parts:
            return None
        for folder in self.folders:
            root = Path(os.path.abspath(folder.expanduser()))
            if len(typed.parts) == 1 and not typed.is_absolute() and value not in {".", ".."}:
                candidate = root / value
            elif typed.is_absolute() and typed.is_relative_to(root) and typed != root:
                candidate = typed
            else:
                continue
            try:
                if candidate.is_dir():
                    return candidate
            except OSError:
                continue
        return None
