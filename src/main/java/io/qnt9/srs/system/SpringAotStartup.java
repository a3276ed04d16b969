package io.qnt9.srs.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Starts the packaged service from the bean definitions Spring AOT generated in the build — about a fifth faster to
 * ready (docs/PERFORMANCE.md) — when, and only when, they fit the configuration it runs with.
 *
 * <p>Decided once the environment is prepared (every property source, profile and environment post-processor in
 * place) and before the context is created, which is when Spring reads {@code spring.aot.enabled}:
 *
 * <ul>
 *   <li>an explicit {@code spring.aot.enabled} (system property or {@code spring.properties}) is left as it is:
 *       {@code -Dspring.aot.enabled=false} turns this off;
 *   <li>only from a jar ({@code java -jar}, the extracted jar of {@code scripts/fast-start.sh} and the image): classes
 *       in a directory ({@code ./mvnw spring-boot:run}, an IDE) may be newer than the generated code beside them;
 *   <li>only when the jar's {@link AotShape} — what the build's conditions read — matches this environment. Otherwise
 *       (an external database by {@code DATABASE_URL}, the actuator on {@code MANAGEMENT_PORT}, tracing, another Java
 *       for virtual threads, an overridden Spring property...) the service starts the normal way, saying which
 *       settings differ.
 * </ul>
 */
public final class SpringAotStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SpringAotStartup.class);
    static final String ENABLED = "spring.aot.enabled";

    private final Class<?> application;

    public SpringAotStartup(Class<?> application) {
        this.application = application;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the environment post-processors and logging
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (SpringProperties.getProperty(ENABLED) != null || AotShapeRecorder.processing()) {
            return; // set explicitly, or this is the build generating the code
        }
        String off = reasonToStayOff(event.getEnvironment());
        if (off == null) {
            System.setProperty(ENABLED, "true");
            log.info("Spring AOT: on (bean definitions generated in the build for this configuration)");
        } else {
            log.info("Spring AOT: off, {}", off);
        }
    }

    /** Null when the generated code fits; otherwise why not, for the log. */
    String reasonToStayOff(ConfigurableEnvironment environment) {
        ClassLoader loader = application.getClassLoader();
        if (!ClassUtils.isPresent(application.getName() + "__ApplicationContextInitializer", loader)) {
            return "no generated code (a build without process-aot)";
        }
        if (!fromJar(application.getProtectionDomain().getCodeSource())) {
            return "the classes are not in a jar (the generated code beside them may be older)";
        }
        Map<String, String> built = read(loader);
        if (built == null) {
            return "the jar has no " + AotShape.RESOURCE;
        }
        List<String> differ = AotShape.differences(built, environment);
        return differ.isEmpty()
                ? null
                : "these settings differ from the configuration the jar was built for: " + String.join(", ", differ);
    }

    static boolean fromJar(CodeSource source) {
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return false;
        }
        if (!"file".equals(location.getProtocol())) {
            return true; // jar:nested:…!/BOOT-INF/classes/!/ of java -jar
        }
        try {
            return !Files.isDirectory(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> read(ClassLoader loader) {
        URL resource = loader.getResource(AotShape.RESOURCE);
        if (resource == null) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = resource.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> shape = new TreeMap<>(); // differences are then named in order
        properties.forEach((k, v) -> shape.put((String) k, (String) v));
        return shape;
    }
}
