package io.gantry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.itests.support.Await;
import io.gantry.itests.support.GantryContainer;
import io.gantry.itests.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The distribution's bundle set in a real Felix: everything resolves and starts, and HTTP answers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleSetIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(Path.of("target/itest-bundleset/deploy"));
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() {
        List<String> notActive = new ArrayList<>();
        Await.until("every bundle active", Duration.ofSeconds(30), () -> {
            notActive.clear();
            for (Bundle bundle : context.getBundles()) {
                boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                    notActive.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " state " + bundle.getState());
                }
            }
            return notActive.isEmpty();
        });
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        for (String name : List.of(
                "io.gantry.engine.api",
                "io.gantry.engine.core",
                "io.gantry.rest.bundle",
                "io.gantry.mqtt.bridge",
                "org.eclipse.tahu.core",
                "com.google.protobuf",
                "org.apache.felix.scr",
                "org.apache.felix.fileinstall",
                "org.apache.felix.eventadmin")) {
            assertTrue(name + " is installed", bundle(name) != null);
        }
    }

    @Test
    public void healthAnswersUpOverRealHttp() {
        Http http = new Http(Integer.parseInt(context.getProperty("gantry.http.port")));
        Await.until(
                "/api/health 200",
                Duration.ofSeconds(30),
                () -> http.get("/api/health").statusCode() == 200);
        HttpResponse<String> response = http.get("/api/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"status\":\"UP\""));
        assertTrue(response.body(), response.body().contains("\"bundles\""));
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
