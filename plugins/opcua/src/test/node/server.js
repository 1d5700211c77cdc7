#!/usr/bin/env node
// The OPC UA server the opcua plugin's tests run against: node-opcua, a server we did not write.
//
//   node server.js --port N --pki DIR [--user U --password P] [--no-anonymous]
//
// Endpoint opc.tcp://127.0.0.1:N/gantry, security None plus Basic256Sha256 Sign and SignAndEncrypt.
// Its own certificate lives under DIR (made on the first run, kept for the next, so a restart on the same
// DIR shows the client the same certificate); client certificates are accepted automatically, so only
// the client's trust decisions are under test.
//
// What it prints on stdout, one line each, for the tests to wait on:
//   READY <port>                          listening
//   WRITE <nodeId> <value>                a client wrote a value
//   CALL <method> <args as JSON>          a client called a method
//   SESSIONS n SUBSCRIPTIONS m MONITORED k   the answer to a line "STATS" on stdin
// It exits when stdin closes, so a test JVM that dies never leaves it running.
"use strict";

const path = require("path");
const fs = require("fs");
const {
    OPCUAServer,
    OPCUACertificateManager,
    Variant,
    DataType,
    StatusCodes,
    MessageSecurityMode,
    SecurityPolicy,
} = require("node-opcua");

function parseArgs(argv) {
    const args = { port: 0, pki: null, user: null, password: null, anonymous: true };
    for (let i = 0; i < argv.length; i++) {
        switch (argv[i]) {
            case "--port": args.port = Number(argv[++i]); break;
            case "--pki": args.pki = argv[++i]; break;
            case "--user": args.user = argv[++i]; break;
            case "--password": args.password = argv[++i]; break;
            case "--no-anonymous": args.anonymous = false; break;
            default: throw new Error("unknown argument " + argv[i]);
        }
    }
    if (!args.port || !args.pki) {
        throw new Error("usage: node server.js --port N --pki DIR [--user U --password P] [--no-anonymous]");
    }
    return args;
}

function say(line) {
    process.stdout.write(line + "\n");
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    fs.mkdirSync(args.pki, { recursive: true });

    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(args.pki, "server"),
        automaticallyAcceptUnknownCertificate: true,
    });
    const userCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(args.pki, "user"),
        automaticallyAcceptUnknownCertificate: true,
    });
    await serverCertificateManager.initialize();
    await userCertificateManager.initialize();

    const server = new OPCUAServer({
        port: args.port,
        host: "127.0.0.1",
        hostname: "127.0.0.1",
        resourcePath: "/gantry",
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
        allowAnonymous: args.anonymous,
        serverCertificateManager,
        userCertificateManager,
        certificateFile: path.join(args.pki, "server", "own", "certs", "server_certificate.pem"),
        privateKeyFile: path.join(args.pki, "server", "own", "private", "private_key.pem"),
        userManager: {
            isValidUser: (user, password) => args.user !== null && user === args.user && password === args.password,
        },
        serverInfo: { applicationUri: "urn:gantry:test:node-opcua", productUri: "urn:gantry:test" },
        buildInfo: { productName: "gantry-opcua-test-server", manufacturerName: "Gantry tests" },
        // Announce nothing on the network.
        registerServerMethod: 1,
    });
    await server.initialize();
    buildAddressSpace(server.engine.addressSpace);
    await server.start();

    process.stdin.setEncoding("utf8");
    let pending = "";
    process.stdin.on("data", (chunk) => {
        pending += chunk;
        let newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            const line = pending.slice(0, newline).trim();
            pending = pending.slice(newline + 1);
            if (line === "STATS") {
                say(stats(server));
            }
        }
    });
    // The test JVM holds the other end of stdin: when it closes (the test ended, or died), so do we.
    process.stdin.on("end", () => process.exit(0));
    process.stdin.on("close", () => process.exit(0));

    say("READY " + args.port);
}

function stats(server) {
    const sessions = server.engine.getSessions().filter((session) => !session.isClosed?.() && session.status !== "closed");
    let subscriptions = 0;
    let monitored = 0;
    for (const session of sessions) {
        for (const subscription of session.publishEngine.subscriptions) {
            subscriptions++;
            monitored += subscription.monitoredItemCount;
        }
    }
    return "SESSIONS " + sessions.length + " SUBSCRIPTIONS " + subscriptions + " MONITORED " + monitored;
}

function buildAddressSpace(addressSpace) {
    const ns = addressSpace.getOwnNamespace(); // ns=1
    const cell = ns.addFolder(addressSpace.rootFolder.objects, { nodeId: "s=Cell", browseName: "Cell" });

    // Counter: +1 every 100 ms, pushed to the address space with its source timestamp.
    let counter = 0;
    const counterNode = ns.addVariable({
        componentOf: cell,
        nodeId: "s=Counter",
        browseName: "Counter",
        accessLevel: "CurrentRead",
        userAccessLevel: "CurrentRead",
        dataType: "Int32",
        value: new Variant({ dataType: DataType.Int32, value: counter }),
    });
    const ticker = setInterval(() => {
        counter = (counter + 1) | 0;
        counterNode.setValueFromSource(new Variant({ dataType: DataType.Int32, value: counter }));
    }, 100);
    ticker.unref();

    ns.addVariable({
        componentOf: cell,
        nodeId: "s=Temperature",
        browseName: "Temperature",
        accessLevel: "CurrentRead",
        userAccessLevel: "CurrentRead",
        dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 21.5 }),
    });

    writable(ns, cell, "Setpoint", DataType.Double, 10.0);
    writable(ns, cell, "Enabled", DataType.Boolean, false);
    writable(ns, cell, "Label", DataType.String, "cell one");
    writable(ns, cell, "Level", DataType.UInt16, 3);

    const machine = ns.addObject({ organizedBy: cell, nodeId: "s=Machine", browseName: "Machine" });
    ns.addVariable({
        componentOf: machine,
        nodeId: "s=Mode",
        browseName: "Mode",
        accessLevel: "CurrentRead",
        userAccessLevel: "CurrentRead",
        dataType: "String",
        value: new Variant({ dataType: DataType.String, value: "AUTO" }),
    });

    const multiply = ns.addMethod(machine, {
        nodeId: "s=Multiply",
        browseName: "Multiply",
        inputArguments: [
            { name: "a", dataType: DataType.Double, description: "the first factor" },
            { name: "b", dataType: DataType.Double, description: "the second factor" },
        ],
        outputArguments: [{ name: "product", dataType: DataType.Double, description: "a times b" }],
    });
    multiply.bindMethod((inputArguments, context, callback) => {
        const [a, b] = inputArguments.map((argument) => argument.value);
        say("CALL Multiply " + JSON.stringify([a, b]));
        callback(null, {
            statusCode: StatusCodes.Good,
            outputArguments: [{ dataType: DataType.Double, value: a * b }],
        });
    });

    const repeat = ns.addMethod(machine, {
        nodeId: "s=Repeat",
        browseName: "Repeat",
        inputArguments: [
            { name: "text", dataType: DataType.String, description: "what to repeat" },
            { name: "times", dataType: DataType.Int32, description: "how often" },
        ],
        outputArguments: [{ name: "result", dataType: DataType.String, description: "text, times times" }],
    });
    repeat.bindMethod((inputArguments, context, callback) => {
        const [text, times] = inputArguments.map((argument) => argument.value);
        say("CALL Repeat " + JSON.stringify([text, times]));
        if (times < 0) {
            callback(null, { statusCode: StatusCodes.BadOutOfRange });
            return;
        }
        callback(null, {
            statusCode: StatusCodes.Good,
            outputArguments: [{ dataType: DataType.String, value: String(text).repeat(times) }],
        });
    });
}

// A read-write variable whose every write by a client is printed as WRITE <nodeId> <value>.
function writable(ns, parent, name, dataType, initial) {
    let value = initial;
    ns.addVariable({
        componentOf: parent,
        nodeId: "s=" + name,
        browseName: name,
        dataType: DataType[dataType],
        accessLevel: "CurrentRead | CurrentWrite",
        userAccessLevel: "CurrentRead | CurrentWrite",
        minimumSamplingInterval: 100,
        value: {
            get: () => new Variant({ dataType, value }),
            set: (variant) => {
                value = variant.value;
                say("WRITE ns=1;s=" + name + " " + value);
                return StatusCodes.Good;
            },
        },
    });
}

main().catch((error) => {
    process.stderr.write("server failed: " + (error && error.stack ? error.stack : error) + "\n");
    process.exit(1);
});
