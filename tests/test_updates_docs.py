"""The field tables in README.md and docs/ are the ones the code uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_field_tables_are_up_to_date() -> None:
    command = [sys.executable, str(ROOT / "scripts" / "fields_doc.py"), "--check"]

    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)

    assert run.returncode == 0, run.stdout + run.stderr + "run scripts/fields_doc.py"


def test_every_field_of_the_table_is_in_the_readme() -> None:
    from mockcat.spec.update_fields import UPDATE_FIELDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    missing = [f.name for f in UPDATE_FIELDS if f"| `{f.name}`" not in readme]
    assert missing == []
