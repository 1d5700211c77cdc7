package io.gantry.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gantry.engine.api.error.DeviceFaultException;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session with the server: a Milo client connected to the endpoint that matches the config's
 * security, with the config's identity. Made by {@link #open}, ended by {@link #close}; a lost session
 * (the server went away, the network dropped, keep-alives failed) is reported once to {@code onLost} and
 * not repaired here: the device tears the client down and the controller connects again.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final String deviceId;
    private final OpcUaConfig config;
    private final OpcUaClient client;
    private volatile boolean closing;

    private Connection(String deviceId, OpcUaConfig config, OpcUaClient client) {
        this.deviceId = deviceId;
        this.config = config;
        this.client = client;
    }

    /** @return the connected client */
    OpcUaClient client() {
        return client;
    }

    /** @return whether {@link #close} was called */
    boolean isClosing() {
        return closing;
    }

    /**
     * Asks the server for its endpoints, picks the one with the config's security, checks the server's
     * certificate, connects and activates the session.
     *
     * @param deviceId the device, for messages
     * @param config   its config
     * @param pki      the client's certificate and the trust list
     * @param onLost   told once, with the connection and the reason, when the session is lost afterwards
     * @return completes with the connection; exceptionally with an {@link OpcUaStatusException} when the
     *     server refused (an unknown user, an untrusted certificate: the message says how to trust it), or a
     *     {@link DeviceFaultException} when it cannot be reached
     */
    static CompletableFuture<Connection> open(
            String deviceId, OpcUaConfig config, Pki pki, BiConsumer<Connection, String> onLost) {
        String where = "cannot connect to " + config.endpointUrl() + " (" + config.security() + ")";
        ServerTrust trust = new ServerTrust(new HashSet<>(config.trustedServerCertificates()), pki);
        return DiscoveryClient.getEndpoints(
                        config.endpointUrl(),
                        stack -> stack.setConnectTimeout(uint(config.connectTimeoutMs()))
                                .setRequestTimeout(uint(config.requestTimeoutMs())))
                .orTimeout(config.connectTimeoutMs() + (long) config.requestTimeoutMs(), TimeUnit.MILLISECONDS)
                .thenCompose(endpoints -> {
                    Connection connection;
                    try {
                        EndpointDescription endpoint = pick(deviceId, config, endpoints);
                        connection = new Connection(
                                deviceId,
                                config,
                                OpcUaClient.create(clientConfig(deviceId, config, pki, trust, endpoint)));
                    } catch (UaException | IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return connection.activate(onLost);
                })
                .handle((connection, failure) -> {
                    if (failure == null) {
                        return connection;
                    }
                    throw Failures.of(deviceId, where, failure);
                });
    }

    private CompletableFuture<Connection> activate(BiConsumer<Connection, String> onLost) {
        return client.connect()
                .orTimeout(config.connectTimeoutMs() + 3L * config.requestTimeoutMs(), TimeUnit.MILLISECONDS)
                .handle((connected, failure) -> {
                    if (failure != null) {
                        // Milo would otherwise keep trying to connect on its own
                        client.disconnect();
                        throw new CompletionException(Failures.unwrap(failure));
                    }
                    client.addSessionActivityListener(new SessionActivityListener() {
                        @Override
                        public void onSessionInactive(UaSession session) {
                            if (!closing) {
                                closing = true;
                                onLost.accept(
                                        Connection.this,
                                        "the session with " + config.endpointUrl()
                                                + " was lost (the server went away or stopped answering)");
                            }
                        }
                    });
                    return this;
                });
    }

    /**
     * Ends the session and the client; idempotent.
     *
     * @return completes when the client has let go of the server, within the request timeout
     */
    CompletionStage<Void> close() {
        closing = true;
        return client.disconnect()
                .orTimeout(config.requestTimeoutMs() + 1000L, TimeUnit.MILLISECONDS)
                .handle((ok, failure) -> {
                    if (failure != null) {
                        LOG.debug("device '{}': disconnect from {}", deviceId, config.endpointUrl(), failure);
                    }
                    return null;
                });
    }

    private static EndpointDescription pick(String deviceId, OpcUaConfig config, List<EndpointDescription> endpoints) {
        String policyUri = config.securityPolicy().getUri();
        EndpointDescription chosen = endpoints.stream()
                .filter(endpoint -> policyUri.equals(endpoint.getSecurityPolicyUri())
                        && endpoint.getSecurityMode() == config.securityMode()
                        && (endpoint.getEndpointUrl() == null
                                || endpoint.getEndpointUrl().startsWith("opc.tcp:")))
                .findFirst()
                .orElseThrow(() -> new DeviceFaultException(
                        deviceId,
                        "device '" + deviceId + "': " + config.endpointUrl() + " offers no endpoint with security "
                                + config.security() + "; it offers "
                                + endpoints.stream()
                                        .map(endpoint -> SecurityPolicy.fromUriSafe(endpoint.getSecurityPolicyUri())
                                                        .map(Enum::name)
                                                        .orElse(endpoint.getSecurityPolicyUri())
                                                + "/" + endpoint.getSecurityMode())
                                        .distinct()
                                        .collect(Collectors.joining(", "))));
        if (config.username() != null && !offers(chosen, UserTokenType.UserName)) {
            throw new DeviceFaultException(
                    deviceId,
                    "device '" + deviceId + "': " + config.endpointUrl() + " (" + config.security()
                            + ") does not take a user name and password");
        }
        if (config.username() == null && !offers(chosen, UserTokenType.Anonymous)) {
            throw new DeviceFaultException(
                    deviceId,
                    "device '" + deviceId + "': " + config.endpointUrl() + " (" + config.security()
                            + ") does not take anonymous clients: set username and password");
        }
        // The server names itself as it likes (its host name, another interface): reach it where the config says.
        URI configured = URI.create(config.endpointUrl());
        return EndpointUtil.updateUrl(chosen, configured.getHost(), configured.getPort());
    }

    private static boolean offers(EndpointDescription endpoint, UserTokenType type) {
        UserTokenPolicy[] policies = endpoint.getUserIdentityTokens();
        if (policies == null) {
            return false;
        }
        for (UserTokenPolicy policy : policies) {
            if (policy.getTokenType() == type) {
                return true;
            }
        }
        return false;
    }

    private static OpcUaClientConfig clientConfig(
            String deviceId, OpcUaConfig config, Pki pki, ServerTrust trust, EndpointDescription endpoint)
            throws UaException, IOException {
        OpcUaClientConfigBuilder builder = OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("Gantry"))
                .setProductUri("urn:io.gantry:opcua")
                .setSessionName(() -> "gantry " + deviceId)
                .setEndpoint(endpoint)
                .setSessionTimeout(uint(config.sessionTimeoutMs()))
                .setRequestTimeout(uint(config.requestTimeoutMs()))
                .setConnectTimeout(uint(config.connectTimeoutMs()))
                .setCertificateValidator(trust)
                .setIdentityProvider(
                        config.username() == null
                                ? new AnonymousProvider()
                                : new UsernameProvider(config.username(), config.password(), trust));
        if (config.securityPolicy() == SecurityPolicy.None) {
            builder.setApplicationUri("urn:io.gantry:opcua-client");
        } else {
            // checked here, before any channel opens, so that the refusal says how to trust the server
            trust.validateCertificateChain(serverCertificates(endpoint));
            ClientIdentity identity = pki.identity();
            builder.setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()});
        }
        return builder.build();
    }

    private static List<X509Certificate> serverCertificates(EndpointDescription endpoint) throws UaException {
        byte[] bytes = endpoint.getServerCertificate().bytesOrEmpty();
        if (bytes.length == 0) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the server's endpoint carries no certificate");
        }
        return CertificateUtil.decodeCertificates(bytes);
    }
}
