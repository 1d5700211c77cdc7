package io.gantry.engine.core.internal.health;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the part a {@link io.gantry.engine.api.health.HealthCheck} component reports on, as its
 * {@value io.gantry.engine.api.health.HealthCheck#PART} service property: {@code @HealthPart("storage")}.
 * A component property type (DS 1.4, 112.8.2): the single element {@code value} takes its property
 * name from this type's name, {@code HealthPart} → {@code health.part}, after {@link #PREFIX_}.
 *
 * <p>Here, not in engine-api beside {@code HealthCheck.PART}, only because this change leaves the
 * API alone; the rest-bundle's checks would use it too if it moved there.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HealthPart {
    /** Makes the property {@code gantry.health.part}, the value of {@code HealthCheck.PART}. */
    String PREFIX_ = "gantry.";

    /** @return the part, as {@code /api/health} lists it */
    String value();
}
