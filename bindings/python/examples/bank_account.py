"""The bank-account walk-through of the seed quickstart, end to end, in Python.

Mirrors examples/bank_account.rs. Run: ``python3 bank_account.py [DIRECTORY]``. Without
DIRECTORY it works in a temporary directory removed at the end; a DIRECTORY given must be new
or empty, so that every run prints the same versions. The library is the one the installed
package ships, else the one LODE_LIBRARY names (from a checkout:
``LODE_LIBRARY=target/debug/liblode.so PYTHONPATH=bindings/python/src``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any, Dict, List, Optional

import lode
from lode import EventMessage, EventStoreProvider, OpenStoreFailedException, StoreVersionMismatchException


def event(name: str, account: str, body: Dict[str, Any], sequence: Optional[int] = None) -> Dict[str, Any]:
    """An EventMessage of the BankAccount aggregate."""
    return lode.create_message(body, name=name, aggregate_name="BankAccount", aggregate_id=account, sequence_number=sequence)


def balance(history: List[EventMessage]) -> float:
    """Folds the history into a balance, starting from a snapshot when there is one."""
    total = 0.0
    for message in history:
        e = message.event
        kind = e.get("$type")
        if kind == "BankAccountState":
            total = float(e.get("Balance", 0))
        elif kind == "FundsDeposited":
            total += float(e.get("Amount", 0))
        elif kind == "FundsWithdrawn":
            total -= float(e.get("Amount", 0))
    return total


def main(directory: str) -> None:
    """Runs the walk-through in ``directory``."""
    with EventStoreProvider(directory) as provider:
        print(f"store directory: {provider.path}")

        # 4. Open an event store and add events.
        account = "123456000"
        with provider.open_store("BankAccount", account) as store:
            v = store.add(
                [
                    event("BankAccountCreated", account, {"AccountId": account, "OwnerName": "Joe Dalton", "Currency": "EUR"}),
                    event("FundsDeposited", account, {"AccountId": account, "Amount": 1500}),
                ]
            )
            print(f"after opening the account and a deposit: version {v}")
            v = store.add([event("FundsWithdrawn", account, {"AccountId": account, "Amount": 500})])
            print(f"after a withdrawal: version {v}")

            # 5. Retrieve events.
            history = store.get(use_snapshot=False)
            for m in history:
                print(f"  event {m.event['$type']} version {m.sequence_number}")
            print(f"balance: {balance(history)}")

            # Optimistic concurrency: a stale expected version is refused, nothing written.
            current = store.version()
            stale = event("FundsWithdrawn", account, {"AccountId": account, "Amount": 100}, sequence=current)
            try:
                store.add([stale])
                raise AssertionError("expected a version mismatch")
            except StoreVersionMismatchException as e:
                # .NET meaning: ExpectedVersion is what the stream expected the message to carry,
                # ActualVersion the SequenceNumber it carried.
                print(f"conflict: the stream expected version {e.expected_version}, the message carried {e.actual_version}")

            # Snapshots: store one at the current version, then read with it.
            state = event("BankAccountState", account, {"AccountId": account, "Balance": balance(history)})
            store.snapshot(store.version(), state)
            store.add([event("FundsDeposited", account, {"AccountId": account, "Amount": 250})])
            with_snapshot = store.get()
            starts_with_snapshot = bool(with_snapshot) and with_snapshot[0].event.get("$type") == "BankAccountState"
            print(
                f"read with snapshot: {len(with_snapshot)} messages (snapshot first: {starts_with_snapshot}), "
                f"balance {balance(with_snapshot)}"
            )

            # Slices.
            print(f"slice 2..3: {len(store.get_slice(2, 3))} events")

            # Commands: exactly-once handling.
            deposit = event("FundsDeposited", account, {"AccountId": account, "Amount": 75})
            store.add_with_command([deposit], "deposit-cmd-1")
            try:
                store.add_with_command([deposit], "deposit-cmd-1")
                raise AssertionError("expected the second command to be refused")
            except lode.DuplicateEventStoreIdempotencyIdException as e:
                print(f"the same command twice: {e}")
            record = provider.get_command("deposit-cmd-1")
            print(f"command processed at {record.processed_at.isoformat()} producing version {record.last_version}")

            # The session guards the stream across threads and processes.
            try:
                provider.open_store("BankAccount", account, open_timeout=0.1)
                raise AssertionError("expected OpenStoreFailedException")
            except OpenStoreFailedException as e:
                print(f"a second session is refused: {e}")

        # Queries across streams need no session.
        deposits = provider.events_by_type("FundsDeposited", max=100)
        print(f"deposits in the whole store: {len(deposits)}")
        for r in provider.read_log(0, 3):
            print(f"  log #{r.position} {r.recorded_at.isoformat()} {r.event_type} v{r.aggregate_version}")


if __name__ == "__main__":
    if len(sys.argv) > 2:
        sys.exit("usage: bank_account.py [DIRECTORY]")
    if len(sys.argv) == 2:
        target = sys.argv[1]
        if os.path.isdir(target) and os.listdir(target):
            sys.exit(f"bank_account.py: {target} is not empty; give a new or empty directory, or none for a temporary one")
        main(target)
    else:
        with tempfile.TemporaryDirectory(prefix="lode-bank-") as d:
            main(d)
