"""papermill's engine for a warm kernel (:mod:`analysis.pipeline.kernels`): papermill reads,
parameterises and executes the notebook as always, on the running kernel and client it is handed
instead of a kernel it starts. Kept apart from the pool so that starting the kernels does not wait
for papermill to import (it is imported by the threads that run notebooks, while the kernels warm up).
"""

from __future__ import annotations

import logging

from nbformat import NotebookNode
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

ENGINE = "analysis-warm"  # papermill's name for :class:`WarmEngine`


#: What each output message type carries into the notebook (nbformat's ``output_from_msg``).
_OUTPUT_FIELDS = {"execute_result": ("metadata", "data", "execution_count"), "stream": ("name", "text"),
                  "display_data": ("metadata", "data"), "error": ("ename", "evalue", "traceback")}


def output_node(msg: dict) -> NotebookNode:
    """The notebook output for a kernel's IOPub message, as nbformat's ``output_from_msg`` makes it,
    without checking it against the notebook schema one output at a time: nbformat checks a part of
    a notebook with ``jsonschema`` (about 1 ms an output, most of a notebook's cost in the build
    process), while a whole notebook is checked when papermill writes it. Raises ``ValueError`` for
    a message that is not an output. Only the output and its first level (``data``, ``metadata``)
    are made ``NotebookNode``; what they hold stays as the message decoded it (a notebook of a
    thousand claims carries megabytes of records in its last output's metadata, and nothing reads
    them by attribute)."""
    msg_type = msg["header"]["msg_type"]
    if msg_type not in _OUTPUT_FIELDS:
        raise ValueError(f"Unrecognized output msg type: {msg_type!r}")
    content = msg["content"]
    node = NotebookNode(output_type=msg_type)
    for name in _OUTPUT_FIELDS[msg_type]:
        value = content[name]
        node[name] = NotebookNode(value) if isinstance(value, dict) else value
    return node


class _Client(PapermillNotebookClient):
    """papermill's client, on a kernel client it is handed (kept open: it belongs to the kernel)."""

    def __init__(self, nb_man, kc, **kw) -> None:
        super().__init__(nb_man, **kw)
        self.kc = kc

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> NotebookNode | None:
        """nbclient's ``output`` (0.10–0.11), with :func:`output_node` for ``output_from_msg``."""
        parent_msg_id = msg["parent_header"].get("msg_id")
        if self.output_hook_stack[parent_msg_id]:
            self.output_hook_stack[parent_msg_id][-1].output(outs, msg, display_id, cell_index)
            return None
        try:
            out = output_node(msg)
        except ValueError:
            self.log.error(f"unhandled iopub msg: {msg['msg_type']}")
            return None
        if self.clear_before_next_output:
            outs[:] = []
            self.clear_display_id_mapping(cell_index)
            self.clear_before_next_output = False
        if display_id:
            self._display_id_map.setdefault(display_id, {}).setdefault(cell_index, []).append(len(outs))
        outs.append(out)
        return out


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, on the warm kernel passed as ``km`` and ``kc``."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        return _Client(nb_man, kwargs["kc"], km=kwargs["km"], timeout=execution_timeout,
                       startup_timeout=start_timeout, kernel_name=kernel_name, log=logging.getLogger("papermill"),
                       log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file).execute()


papermill_engines.register(ENGINE, WarmEngine)
