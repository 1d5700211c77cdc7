package io.gantry.opcua.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's certificate store, shared by the driver's devices: {@code <gantry.data>/opcua/pki} with
 * Milo's layout ({@code own/}, {@code trusted/certs}, {@code trusted/crl}, {@code issuers/…},
 * {@code rejected/}). Made on first use only: a device on security policy None never touches it.
 */
final class Pki implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pki.class);

    private final Path dir;
    private DefaultTrustListManager trustList; // guarded by this; it watches its folders on a thread of its own
    private ClientIdentity identity; // guarded by this
    private boolean closed; // guarded by this

    /** @param dir the pki folder; made when first needed */
    Pki(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** @return the pki folder */
    Path dir() {
        return dir;
    }

    /** @return the folder whose certificates are trusted: copy a server's certificate here to trust it */
    Path trustedCerts() {
        return dir.resolve("trusted").resolve("certs");
    }

    /** @return where a server certificate that was not trusted is written, to be looked at or copied */
    Path rejected() {
        return dir.resolve("rejected");
    }

    /**
     * @return the trust list, read from the folders (and kept in step with them while open)
     * @throws IOException when the folders cannot be made
     */
    synchronized DefaultTrustListManager trustList() throws IOException {
        if (closed) {
            throw new IOException("the OPC UA driver is stopping");
        }
        if (trustList == null) {
            trustList = new DefaultTrustListManager(dir.toFile());
        }
        return trustList;
    }

    /**
     * @return the client's certificate and key, made on first use
     * @throws IOException when they cannot be read or made
     */
    synchronized ClientIdentity identity() throws IOException {
        if (identity == null) {
            identity = ClientIdentity.loadOrCreate(dir.resolve("own"));
            LOG.info(
                    "OPC UA client certificate {} ({}), kept in {}",
                    Thumbprints.of(identity.certificate()),
                    identity.certificate().getSubjectX500Principal().getName(),
                    dir.resolve("own"));
        }
        return identity;
    }

    /** Stops watching the folders (ends the trust list's thread). */
    @Override
    public synchronized void close() {
        closed = true;
        if (trustList != null) {
            try {
                trustList.close();
            } catch (IOException e) {
                LOG.debug("closing the trust list of {}", dir, e);
            }
            trustList = null;
        }
    }
}
