"""Layer 5, the pipeline: parameters in, notebooks executed in parallel (skipping what has not
changed), records checked against the register, README table and report rendered, and the whole
build published in one step, tied together by a manifest of content hashes."""
