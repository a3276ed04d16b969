package io.qnt9.srs.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The configuration a jar's Spring AOT code was generated for, and whether the configuration at run time is the same.
 *
 * <p>Spring AOT ({@code process-aot} at build time) evaluates every {@code @Conditional} once, in the build, and
 * writes the bean definitions that resulted as code; at run time those conditions are not evaluated again. So the
 * generated code is right only where every condition would come out the same. The build records what the conditions
 * read ({@link AotShapeRecorder}), and at start-up the service compares ({@link SpringAotStartup}):
 *
 * <ul>
 *   <li>every property a condition read, by a SHA-256 of its value (or its absence) — any override of one of them
 *       (an environment variable, a system property, an argument, a configuration file) is a difference;
 *   <li>what conditions derive from properties and the runtime together, compared by meaning instead of by value:
 *       whether the actuator has a port of its own ({@code server.port} and {@code management.server.port}, so that
 *       {@code PORT} may differ), whether virtual threads are on ({@code spring.threads.virtual.enabled} and the
 *       Java version), the cloud platform detected (Kubernetes is detected from environment variables that no
 *       property lookup sees) and the active profiles.
 * </ul>
 *
 * Values are never written, only their hashes: a condition may read a secret.
 */
final class AotShape {

    /** Where the build writes the shape, in the jar. */
    static final String RESOURCE = "META-INF/qnt9/aot-shape.properties";

    static final String PROPERTY = "property.";
    static final String PROFILES = "profiles";
    static final String VIRTUAL_THREADS = "threads.virtual";
    static final String CLOUD_PLATFORM = "cloud-platform";
    static final String MANAGEMENT_PORT = "management.port-type";

    /** Properties compared by meaning (above), not by value. */
    private static final Set<String> BY_MEANING =
            Set.of("server.port", "management.server.port", "spring.threads.virtual.enabled");

    /**
     * What Spring Boot adds to every environment about the process: its id and the version in the jar's manifest
     * (absent in the build, which runs from the classes directory). Read while logging is set up, by no condition.
     */
    private static final Set<String> PER_PROCESS = Set.of("spring.application.pid", "spring.application.version");

    /** {@code ${NAME}} or {@code ${NAME:default}} in a property's value: the names a placeholder looks up. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private AotShape() {}

    /**
     * The shape of {@code environment} in the build, for the properties the conditions read there: those compared by
     * value (not the ones compared by meaning, the process's own or the placeholders inside those).
     */
    static Map<String, String> describe(ConfigurableEnvironment environment, Collection<String> propertyNames) {
        Set<String> placeholders = placeholdersOfComparedByMeaning(environment);
        return shape(
                environment,
                propertyNames.stream()
                        .filter(name -> !BY_MEANING.contains(name)
                                && !PER_PROCESS.contains(name)
                                && !name.startsWith("spring.aot.")
                                && !placeholders.contains(name))
                        .toList());
    }

    /** The entries compared by meaning, and a token for each of {@code compared}. */
    private static Map<String, String> shape(Environment environment, List<String> compared) {
        Map<String, String> shape = new TreeMap<>();
        shape.put(PROFILES, String.join(",", environment.getActiveProfiles()));
        shape.put(VIRTUAL_THREADS, String.valueOf(Threading.VIRTUAL.isActive(environment)));
        CloudPlatform platform = CloudPlatform.getActive(environment);
        shape.put(CLOUD_PLATFORM, platform == null ? "NONE" : platform.name());
        shape.put(MANAGEMENT_PORT, ManagementPortType.get(environment).name());
        for (String name : compared) {
            shape.put(PROPERTY + name, token(environment, name));
        }
        return shape;
    }

    /**
     * The entries of {@code built} (a shape recorded in the build) that {@code environment} does not match, empty when
     * the generated code fits it.
     */
    static List<String> differences(Map<String, String> built, Environment environment) {
        List<String> properties = built.keySet().stream()
                .filter(k -> k.startsWith(PROPERTY))
                .map(k -> k.substring(PROPERTY.length()))
                .toList();
        Map<String, String> now = shape(environment, properties); // the build chose which to compare
        List<String> differ = new ArrayList<>();
        built.forEach((key, value) -> {
            if (!value.equals(now.get(key))) {
                differ.add(key.startsWith(PROPERTY) ? key.substring(PROPERTY.length()) : key);
            }
        });
        return differ;
    }

    /**
     * The names the placeholders in the values of {@link #BY_MEANING} properties look up ({@code PORT} and {@code
     * PORT:8000} for {@code server.port: ${PORT:8000}}): asked for while a condition reads {@code server.port}, and
     * compared through it, by meaning. (A property compared by value is compared resolved, placeholders and all.)
     */
    private static Set<String> placeholdersOfComparedByMeaning(ConfigurableEnvironment environment) {
        Set<String> names = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            for (String property : BY_MEANING) {
                Object raw = source.getProperty(property);
                if (raw != null) {
                    Matcher m = PLACEHOLDER.matcher(raw.toString());
                    while (m.find()) {
                        names.add(m.group(1));
                        if (m.group(2) != null) {
                            names.add(m.group(1) + m.group(2));
                        }
                    }
                }
            }
        }
        return names;
    }

    /** "absent", or the SHA-256 of the resolved value; "unresolvable" for a placeholder that cannot be resolved. */
    private static String token(Environment environment, String name) {
        String value;
        try {
            value = environment.getProperty(name);
        } catch (IllegalArgumentException e) {
            return "unresolvable";
        }
        if (value == null) {
            return "absent";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
