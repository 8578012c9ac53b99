"""P4 through Python: read a 10,000-event stream with the binding's `get`, next to the same read
through the bare C ABI (one ctypes call, no splitting) in the same process and run.

Run: LODE_LIBRARY=target/release/liblode.so PYTHONPATH=bindings/python/src python3 bench/python/read_p4.py
"""

from __future__ import annotations

import ctypes
import statistics
import tempfile
import time

import lode
from lode import EventStoreProvider, create_message

EVENTS = 10_000
REPEATS = 30


def main() -> None:
    with tempfile.TemporaryDirectory(dir="target") as d, EventStoreProvider(d) as provider:
        with provider.open_store("BankAccount", "p4") as store:
            for start in range(0, EVENTS, 1000):
                store.add([
                    create_message({"AccountId": "p4", "Amount": 1500 + i}, name="FundsDeposited",
                                   aggregate_name="BankAccount", aggregate_id="p4")
                    for i in range(start, start + 1000)
                ])
            native = store._native  # the loaded library, for the bare-ABI baseline
            lib = native.lib

            def abi_read() -> int:
                buf = ctypes.c_void_p()
                rc = lib.lode_store_read(store._handle, False, ctypes.byref(buf), None)
                assert rc == 0
                n = int(lib.lode_buffer_count(buf))
                lib.lode_buffer_free(buf)
                return n

            def binding_read() -> int:
                return len(store.get(use_snapshot=False))

            def binding_read_parsed() -> int:
                return sum(1 for m in store.get(use_snapshot=False) if m.sequence_number)

            results = {}
            for name, fn in [("C ABI (ctypes, no split)", abi_read), ("binding get()", binding_read),
                             ("binding get() + parse every message", binding_read_parsed)]:
                assert fn() == EVENTS
                times = []
                for _ in range(REPEATS):
                    t = time.perf_counter()
                    fn()
                    times.append(time.perf_counter() - t)
                results[name] = statistics.median(times) * 1000
            base = results["C ABI (ctypes, no split)"]
            print(f"P4 through Python, {EVENTS} events, median of {REPEATS} (lode {lode.__version__ if hasattr(lode, '__version__') else ''})")
            for name, ms in results.items():
                print(f"  {name:40s} {ms:8.3f} ms   {base / ms:5.2f}x the bare C ABI read's speed")


if __name__ == "__main__":
    main()
