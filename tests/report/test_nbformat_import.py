"""The report runner imports nbformat without jsonschema's optional IRI format package: the
notebooks still validate, and the package can still be imported later in the process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import json, sys
    from toolkit.report.kernel import load_nbformat

    nbformat = load_nbformat()
    loaded_with_nbformat = "rfc3987_syntax" in sys.modules
    placeholder_left = "rfc3987_syntax" in sys.modules and sys.modules["rfc3987_syntax"] is None
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    nbformat.validate(notebook)
    notebook.cells[0]["cell_type"] = "no such cell type"
    try:
        nbformat.validate(notebook)
        invalid_rejected = False
    except nbformat.ValidationError:
        invalid_rejected = True
    try:
        import rfc3987_syntax  # noqa: F401
        later_import = "ok"
    except ImportError as exc:
        later_import = "not installed" if "No module named" in str(exc) else str(exc)
    print(json.dumps({"loaded_with_nbformat": loaded_with_nbformat,
                      "placeholder_left": placeholder_left,
                      "invalid_rejected": invalid_rejected, "later_import": later_import,
                      "same_module": load_nbformat() is nbformat}))
""")


def test_nbformat_loads_without_the_format_package_and_still_validates():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found == {"loaded_with_nbformat": False, "placeholder_left": False,
                     "invalid_rejected": True, "later_import": found["later_import"],
                     "same_module": True}
    assert found["later_import"] in {"ok", "not installed"}
