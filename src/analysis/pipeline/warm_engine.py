"""papermill's engine for a warm kernel (:mod:`analysis.pipeline.kernels`): papermill reads,
parameterises and executes the notebook as always, on the running kernel and client it is handed
instead of a kernel it starts. Kept apart from the pool so that starting the kernels does not wait
for papermill to import (it is imported by the threads that run notebooks, while the kernels warm up).
"""

from __future__ import annotations

import logging

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

ENGINE = "analysis-warm"  # papermill's name for :class:`WarmEngine`


class _Client(PapermillNotebookClient):
    """papermill's client, on a kernel client it is handed (kept open: it belongs to the kernel)."""

    def __init__(self, nb_man, kc, **kw) -> None:
        super().__init__(nb_man, **kw)
        self.kc = kc


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, on the warm kernel passed as ``km`` and ``kc``."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        return _Client(nb_man, kwargs["kc"], km=kwargs["km"], timeout=execution_timeout,
                       startup_timeout=start_timeout, kernel_name=kernel_name, log=logging.getLogger("papermill"),
                       log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file).execute()


papermill_engines.register(ENGINE, WarmEngine)
