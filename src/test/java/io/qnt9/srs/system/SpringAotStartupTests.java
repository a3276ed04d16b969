package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.javapoet.ClassName;

/** The shape a build records for its Spring AOT code, and the start-up's decision whether that code fits. */
class SpringAotStartupTests {

    /** An environment as application.yml and the process would make it: settings, then overrides on top. */
    private static StandardEnvironment environment(Map<String, Object> overrides, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application.yml",
                        Map.of(
                                "server.port", "${PORT:8000}",
                                "management.server.port", "${MANAGEMENT_PORT:}",
                                "spring.threads.virtual.enabled", "${VIRTUAL_THREADS:true}",
                                "springdoc.api-docs.enabled", "true",
                                "qnt9.secret", "s3cret")));
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", new HashMap<>(overrides)));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    /** What a build's conditions read (as the recorder saw it): the properties and the placeholders inside them. */
    private static final List<String> READ = List.of(
            "server.port",
            "PORT",
            "PORT:8000",
            "management.server.port",
            "MANAGEMENT_PORT",
            "MANAGEMENT_PORT:",
            "spring.threads.virtual.enabled",
            "VIRTUAL_THREADS",
            "springdoc.api-docs.enabled",
            "springdoc.show-actuator",
            "qnt9.secret",
            "spring.application.pid",
            "spring.application.version",
            "spring.aot.processing");

    private static final Map<String, String> BUILT = AotShape.describe(environment(Map.of()), READ);

    @Test
    void theShapeComparesWhatConditionsReadByValueAndThePortsAndThreadsByMeaning() {
        assertThat(BUILT)
                .containsKeys(
                        "property.springdoc.api-docs.enabled",
                        "property.springdoc.show-actuator",
                        "property.qnt9.secret")
                .containsEntry("property.springdoc.show-actuator", "absent")
                .containsEntry("management.port-type", "SAME")
                .containsEntry("profiles", "")
                .containsEntry("cloud-platform", "NONE")
                // The placeholders of server.port and friends, the process's own values and Spring's AOT switches
                // are not compared by value.
                .doesNotContainKeys(
                        "property.server.port",
                        "property.PORT",
                        "property.PORT:8000",
                        "property.management.server.port",
                        "property.MANAGEMENT_PORT",
                        "property.MANAGEMENT_PORT:",
                        "property.spring.threads.virtual.enabled",
                        "property.VIRTUAL_THREADS",
                        "property.spring.application.pid",
                        "property.spring.application.version",
                        "property.spring.aot.processing");
        // A hash, never the value (a condition may read a secret): SHA-256 of "true".
        assertThat(BUILT.get("property.springdoc.api-docs.enabled"))
                .isEqualTo("b5bea41b6c623f7c09f1bf24dcae58ebab3c0cdd90ad966bc43a45b44867e12b");
        assertThat(AotShapeRecorder.write(BUILT)).doesNotContain("s3cret");
    }

    @Test
    void anotherPortOrProcessFitsTheGeneratedCode() {
        assertThat(AotShape.differences(
                        BUILT,
                        environment(Map.of(
                                "PORT", "8799",
                                "spring.application.pid", "4242",
                                "spring.application.version", "0.1.0"))))
                .isEmpty();
    }

    @Test
    void aSettingAConditionReadDoesNotFit() {
        assertThat(AotShape.differences(BUILT, environment(Map.of("MANAGEMENT_PORT", "9000"))))
                .containsExactly("management.port-type");
        assertThat(AotShape.differences(BUILT, environment(Map.of("springdoc.api-docs.enabled", "false"))))
                .containsExactly("springdoc.api-docs.enabled");
        assertThat(AotShape.differences(BUILT, environment(Map.of("springdoc.show-actuator", "true"))))
                .containsExactly("springdoc.show-actuator");
        assertThat(AotShape.differences(BUILT, environment(Map.of("qnt9.secret", "another"))))
                .containsExactly("qnt9.secret");
        assertThat(AotShape.differences(BUILT, environment(Map.of(), "production")))
                .containsExactly("profiles");
    }

    @Test
    void virtualThreadsAreComparedAsOnOrOffOnThisJava() {
        // Off by setting: a difference exactly where the Java running the test has virtual threads (21+), where
        // the build's condition said on; on Java 17 both say off.
        boolean javaHasThem = Runtime.version().feature() >= 21;
        assertThat(AotShape.differences(BUILT, environment(Map.of("VIRTUAL_THREADS", "false"))))
                .isEqualTo(javaHasThem ? List.of("threads.virtual") : List.of());
    }

    @Test
    void theWrittenShapeReadsBackAsWritten() throws IOException {
        Map<String, String> shape = Map.of("property.VIRTUAL_THREADS:true", "absent", "property.a=b c", "x", "p", "");
        Properties read = new Properties();
        read.load(new StringReader(AotShapeRecorder.write(shape)));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(shape);
    }

    @Test
    void theRecorderWritesWhatTheContextAskedForDuringAotProcessingOnly() throws IOException {
        GenericApplicationContext context = new GenericApplicationContext();
        StandardEnvironment environment = environment(Map.of());
        context.setEnvironment(environment);
        new AotShapeRecorder(() -> true).initialize(context);
        environment.getProperty("springdoc.api-docs.enabled");
        environment.getProperty("some.flag");

        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("environment", environment);
        BeanFactoryInitializationAotContribution contribution =
                new AotShapeRecorder(() -> true).processAheadOfTime(beanFactory);
        InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
        contribution.applyTo(
                new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("io.qnt9.srs", "App")), files), null);
        Properties written = new Properties();
        written.load(new StringReader(files.getGeneratedFileContent(Kind.RESOURCE, AotShape.RESOURCE)));
        assertThat(written)
                .containsEntry("property.some.flag", "absent")
                .containsEntry(
                        "property.springdoc.api-docs.enabled",
                        "b5bea41b6c623f7c09f1bf24dcae58ebab3c0cdd90ad966bc43a45b44867e12b")
                .containsEntry("management.port-type", "SAME");
        assertThat(environment.getPropertySources().contains(AotShapeRecorder.SOURCE))
                .as("recording stops once written")
                .isFalse();

        // Outside AOT processing: no recording, nothing written.
        GenericApplicationContext normal = new GenericApplicationContext();
        normal.setEnvironment(environment(Map.of()));
        new AotShapeRecorder(() -> false).initialize(normal);
        assertThat(normal.getEnvironment().getPropertySources().contains(AotShapeRecorder.SOURCE))
                .isFalse();
        DefaultListableBeanFactory plain = new DefaultListableBeanFactory();
        plain.registerSingleton("environment", normal.getEnvironment());
        assertThat(new AotShapeRecorder(() -> false).processAheadOfTime(plain)).isNull();
    }

    @Test
    void onlyClassesFromAJarUseGeneratedCode(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        assertThat(SpringAotStartup.fromJar(source(jar.toUri().toURL()))).isTrue();
        // java -jar: Spring Boot's launcher names the classes jar:nested:/…/app.jar/!BOOT-INF/classes/!/ (its own
        // URL handler, which only the launcher registers; never opened here).
        URLStreamHandler launchers = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(SpringAotStartup.fromJar(
                        source(new URL("jar", "", -1, "nested:" + jar + "/!BOOT-INF/classes/!/", launchers))))
                .isTrue();
        assertThat(SpringAotStartup.fromJar(source(dir.toUri().toURL())))
                .as("target/classes")
                .isFalse();
        assertThat(SpringAotStartup.fromJar(null)).isFalse();
    }

    @Test
    void theTestsOwnClassesAreNotAJarWithGeneratedCode() {
        // Tests, spring-boot:run and IDEs run from target/classes, which holds no generated code (pom.xml).
        assertThat(new SpringAotStartup(io.qnt9.srs.SrsApplication.class).reasonToStayOff(environment(Map.of())))
                .startsWith("no generated code");
    }

    private static CodeSource source(URL location) {
        return new CodeSource(location, (Certificate[]) null);
    }
}
