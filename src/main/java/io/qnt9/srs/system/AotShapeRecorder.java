package io.qnt9.srs.system;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Records, during the build's Spring AOT processing ({@code spring.aot.processing}), every property the context asks
 * for while it evaluates its conditions and defines its beans, and writes the resulting {@link AotShape} into the
 * jar ({@link AotShape#RESOURCE}). Outside AOT processing it does nothing.
 *
 * <p>The recording is a property source placed before all others: each lookup, by name, passes through it (it
 * answers none). It is added when the context is initialised — after the environment is prepared, so logging and
 * other start-up settings, which no condition reads, are not recorded — and removed when the shape is written.
 */
public final class AotShapeRecorder
        implements ApplicationContextInitializer<ConfigurableApplicationContext>,
                BeanFactoryInitializationAotProcessor {

    static final String SOURCE = "qnt9-aot-shape-recorder";

    private final BooleanSupplier processing;

    public AotShapeRecorder() {
        this(AotShapeRecorder::processing);
    }

    AotShapeRecorder(BooleanSupplier processing) {
        this.processing = processing;
    }

    /** Whether this JVM runs Spring's AOT processing (set by Spring for the duration of the build step). */
    static boolean processing() {
        return Boolean.getBoolean("spring.aot.processing");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (processing.getAsBoolean()) {
            context.getEnvironment().getPropertySources().addFirst(new Recording());
        }
    }

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableEnvironment.class);
        if (!(environment.getPropertySources().remove(SOURCE) instanceof Recording recording)) {
            return null;
        }
        String text = write(AotShape.describe(environment, new TreeSet<>(recording.getSource())));
        return (generationContext, code) ->
                generationContext.getGeneratedFiles().addResourceFile(AotShape.RESOURCE, text);
    }

    /** One {@code key=value} line each, sorted, in the properties format ({@link Properties#load} reads it). */
    static String write(Map<String, String> shape) {
        StringBuilder out = new StringBuilder(
                "# What the conditions read when Spring AOT processed this build (io.qnt9.srs.system.AotShape)\n");
        new TreeMap<>(shape)
                .forEach((key, value) ->
                        out.append(escape(key)).append('=').append(value).append('\n'));
        return out.toString();
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=").replace(" ", "\\ ");
    }

    /** Remembers the name of every property asked for; answers none. */
    static final class Recording extends PropertySource<Set<String>> {

        Recording() {
            super(SOURCE, ConcurrentHashMap.newKeySet());
        }

        @Override
        public Object getProperty(String name) {
            getSource().add(name);
            return null;
        }
    }
}
