#!/usr/bin/python3
"""A Modbus TCP server for the modbus-tcp plugin's tests: Debian's pymodbus (3.0.0), not our code.

Run it with Debian's /usr/bin/python3 (pymodbus is importable only there):

    /usr/bin/python3 modbus_server.py [--port N] [--slow-ms MS] [--quiet]

It listens on 127.0.0.1 (port 0 = a free one), then prints ``LISTENING <port>``. Every request it
receives is printed as ``REQUEST unit=<u> fc=<fc> address=<a> count=<c>`` *before* it is answered,
so a client that has the answer knows the line is already in the pipe (``--quiet``: no request lines, for
timing the client rather than the server's printing). A line ``SYNC <token>`` on
stdin is echoed as ``SYNC <token>``: a client that reads up to the echo has seen every request line
of every request answered before it wrote the SYNC. Requests to unit 2 are answered ``--slow-ms``
late (default 5000), for timeout tests; unit 1 answers at once. Both units share one data store.

The data (zero_mode: address 0 is the first register) is described in PRESETS below; the Java
tests name the same addresses (PyModbusServer.java).
"""

import argparse
import asyncio
import struct
import sys
import threading

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server.async_io import ModbusConnectedRequestHandler, ModbusTcpServer

HOLDING_SIZE = 100  # addresses 0..99; 100 and above answer "illegal data address"
INPUT_SIZE = 20
BITS_SIZE = 64
SLOW_UNIT = 2

_print_lock = threading.Lock()


def emit(line):
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def words32(raw_bytes, little):
    """Two big-endian register words of 4 bytes; little = low word first."""
    high, low = struct.unpack(">HH", raw_bytes)
    return [low, high] if little else [high, low]


def holding_presets():
    regs = [0] * HOLDING_SIZE
    regs[0] = struct.unpack(">H", struct.pack(">h", -1234))[0]  # int16 -1234
    regs[1] = 54321  # uint16
    regs[2:4] = words32(struct.pack(">i", -123456789), little=False)  # int32 big
    regs[4:6] = words32(struct.pack(">i", -123456789), little=True)  # int32 little
    regs[6:8] = words32(struct.pack(">I", 3000000000), little=False)  # uint32 big
    regs[8:10] = words32(struct.pack(">I", 3000000000), little=True)  # uint32 little
    regs[10:12] = words32(struct.pack(">f", 12.375), little=False)  # float32 big
    regs[12:14] = words32(struct.pack(">f", -0.15625), little=True)  # float32 little
    regs[14] = 1234  # scaled: 1234 * 0.5 - 20 = 597
    regs[15] = 65535  # uint16 max (int16 -1)
    for i in range(50):  # 20..69: a run of 50 neighbours, value 1000 + offset
        regs[20 + i] = 1000 + i
    # 90..99 are left 0 for the write tests
    return regs


def input_presets():
    regs = [0] * INPUT_SIZE
    regs[0] = 7
    regs[1:3] = words32(struct.pack(">f", 1.5), little=False)
    return regs


def bit_presets(pattern):
    return [(pattern >> (i % 8)) & 1 == 1 for i in range(BITS_SIZE)]


def build_context():
    slave = ModbusSlaveContext(
        co=ModbusSequentialDataBlock(0, bit_presets(0b10100101)),  # coils 0..7: 1,0,1,0,0,1,0,1
        di=ModbusSequentialDataBlock(0, bit_presets(0b00001111)),  # discrete 0..7: 1,1,1,1,0,0,0,0
        hr=ModbusSequentialDataBlock(0, holding_presets()),
        ir=ModbusSequentialDataBlock(0, input_presets()),
        zero_mode=True,
    )
    return ModbusServerContext(slaves={1: slave, SLOW_UNIT: slave}, single=False)


class LoggingHandler(ModbusConnectedRequestHandler):
    """Prints each request before answering it; answers unit 2 late."""

    slow_seconds = 5.0
    quiet = False

    def execute(self, request, *addr):
        if self.quiet:
            super().execute(request, *addr)
            return
        count = getattr(request, "count", None)
        if count is None:
            values = getattr(request, "values", None)
            count = len(values) if isinstance(values, (list, tuple)) else 1
        emit(
            f"REQUEST unit={request.unit_id} fc={request.function_code} "
            f"address={getattr(request, 'address', -1)} count={count}"
        )
        if request.unit_id == SLOW_UNIT:
            asyncio.get_running_loop().call_later(self.slow_seconds, self._late, request, addr)
        else:
            super().execute(request, *addr)

    def _late(self, request, addr):
        if not self.transport.is_closing():
            super().execute(request, *addr)


def echo_syncs():
    for line in sys.stdin:
        if line.startswith("SYNC "):
            emit(line.strip())


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--slow-ms", type=int, default=5000)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    LoggingHandler.slow_seconds = args.slow_ms / 1000.0
    LoggingHandler.quiet = args.quiet
    server = ModbusTcpServer(
        build_context(),
        address=("127.0.0.1", args.port),
        handler=LoggingHandler,
        allow_reuse_address=True,  # a restart binds the same port again at once
    )
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    port = server.server.sockets[0].getsockname()[1]
    threading.Thread(target=echo_syncs, daemon=True).start()
    emit(f"LISTENING {port}")
    await task


if __name__ == "__main__":
    asyncio.run(main())
