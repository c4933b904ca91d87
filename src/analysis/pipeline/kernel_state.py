"""Runs inside a warm kernel (see :mod:`analysis.pipeline.kernels`): what it keeps from the warm-up
(imported modules) and what it puts back before each notebook, so a notebook sees what a kernel
of its own would show it.

Put back: the user namespace and the execution counter (IPython's ``reset``), open figures,
matplotlib's settings, the warning filters and the "already warned" registries (a warning shown
in one notebook is shown again in the next), ``sys.path`` and the working directory.
Kept: ``sys.modules`` (the imports are what makes the kernel warm), frozen out of the garbage
collector's sight (``gc.freeze``: modules live as long as the kernel, and a full collection, which
IPython's ``reset`` runs and pandas' allocations trigger, need not walk them again; 55 ms a reset
before). The package keeps no state
between runs beyond caches of files that do not change during a build (the build checks that its
inputs did not change while it ran).
"""

from __future__ import annotations

import gc
import importlib
import os
import pkgutil
import sys
import warnings

#: What the notebooks import, lazy imports too, imported once per kernel (or once per build, by the
#: process kernels are forked from: :mod:`analysis.pipeline.kernel_fork`): these packages with every
#: module inside them, and these modules. Not the build's own publishing (``analysis.publish.report``
#: and the page renderers: jinja2, cmarkgfm, pygments, nh3), which no notebook runs.
WARM_PACKAGES = ["analysis.io", "analysis.domain", "analysis.verdicts"]
WARM_MODULES = ["pandas", "matplotlib.pyplot", "analysis.publish.notebook", "analysis.publish.chart_data",
                "analysis.publish.tables"]

#: What the warm-up saved, to be put back before each notebook (one kernel, one process).
_saved: dict = {}


def load(packages: list[str], modules: list[str]) -> None:
    """Import ``packages`` with every module in them, and ``modules``."""
    for name in packages:
        package = importlib.import_module(name)
        for found in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            importlib.import_module(found.name)
    for name in modules:
        importlib.import_module(name)


def prepare(packages: list[str], modules: list[str]) -> None:
    """Import ``packages`` with every module in them, and ``modules`` (already done in a kernel
    forked from a warm process); remember the state a fresh kernel has after importing them."""
    load(packages, modules)
    if (pyplot := sys.modules.get("matplotlib.pyplot")) is not None:
        # pyplot hooks itself to the shell it finds when a backend is chosen; in a kernel forked
        # from the build's warm process, that was before the kernel's shell existed.
        pyplot.install_repl_displayhook()
    import matplotlib

    _saved.update(rc=dict(matplotlib.rcParams), filters=list(warnings.filters), path=list(sys.path))
    gc.collect()
    gc.freeze()  # what the imports made stays for the kernel's life: no collection walks it again


def fresh(cwd: str) -> None:
    """Put the kernel back to the state :func:`prepare` saved, in ``cwd``."""
    if not _saved:
        raise RuntimeError("kernel_state.prepare() was not run in this kernel")
    get_ipython = sys.modules["IPython"].get_ipython
    get_ipython().reset(new_session=True)  # empty namespace; the next cell is In[1]
    import matplotlib
    import matplotlib.pyplot as plt

    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matplotlib.rcParams.update(_saved["rc"])
    warnings.filters[:] = _saved["filters"]
    _forget_shown_warnings()
    sys.path[:] = _saved["path"]
    os.chdir(cwd)


def _forget_shown_warnings() -> None:
    """Make "show once" warnings show again, as in a new process."""
    mutated = getattr(warnings, "_filters_mutated", None)
    if mutated is not None:
        mutated()  # invalidates every module's registry of warnings already shown
        return
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()
