package io.gantry.itests.support;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JDK's own tools (keytool, jarsigner) of the JDK running the tests, run as a vendor or operator runs them. */
public final class JdkTools {
    private JdkTools() {}

    /**
     * Runs a tool and fails the test when it fails.
     *
     * @param name      the tool's name in {@code <java.home>/bin}
     * @param arguments its arguments
     * @throws IOException when it cannot be started
     */
    public static void run(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", name).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(name + ": " + output, 0, process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Makes a PKCS12 keystore with an EC key and a self-signed certificate valid for two days.
     *
     * @param keystore   the file to make
     * @param alias      the entry's alias
     * @param subject    the certificate's distinguished name, such as {@code CN=ACME Conveyors}
     * @param password   the keystore's password
     * @param extensions more keytool arguments, such as {@code "-ext", "san=ip:127.0.0.1"}
     * @return the keystore
     * @throws IOException when keytool cannot be started
     */
    public static Path keyPair(Path keystore, String alias, String subject, String password, String... extensions)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-dname", subject));
        arguments.addAll(List.of("-keyalg", "EC", "-validity", "2", "-keystore", keystore.toString()));
        arguments.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        arguments.addAll(List.of(extensions));
        run("keytool", arguments.toArray(String[]::new));
        return keystore;
    }
}
