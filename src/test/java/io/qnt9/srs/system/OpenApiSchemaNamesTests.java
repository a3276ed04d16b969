package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names each schema after its class's simple name (or its {@code @Schema(name)}), and two
 * classes of one name become one schema: the second silently takes the first one's fields, so a client generated from
 * the document reads one endpoint's answer with another's type (the backtest's {@code Performance} was documented as
 * the statistics endpoint's). This walks every type a controller takes or answers, through record components and bean
 * properties, and requires one class per schema name.
 */
class OpenApiSchemaNamesTests {

    @Test
    void everyRequestAndResponseTypeHasASchemaNameOfItsOwn() throws ClassNotFoundException {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        for (Class<?> type : typesOfTheApi()) {
            classesByName
                    .computeIfAbsent(schemaName(type), k -> new TreeSet<>())
                    .add(type.getName());
        }
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                shared.put(name, classes);
            }
        });
        assertThat(classesByName).as("the walk found the API's types").hasSizeGreaterThan(50);
        assertThat(shared)
                .as("schema names shared by several classes: give each a @Schema(name = …) of its own")
                .isEmpty();
    }

    /** The name swagger-core gives the class's schema: its {@code @Schema(name)}, or its simple name. */
    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
    }

    /** Every class of this application that a controller method takes as its body or answers, transitively. */
    private static Set<Class<?>> typesOfTheApi() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Deque<ResolvableType> pending = new ArrayDeque<>();
        for (var candidate : scanner.findCandidateComponents("io.qnt9.srs")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), null);
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                pending.add(ResolvableType.forMethodReturnType(method));
                for (int i = 0; i < method.getParameterCount(); i++) {
                    MethodParameter parameter = new MethodParameter(method, i);
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        pending.add(ResolvableType.forMethodParameter(parameter));
                    }
                }
            }
        }
        Set<Class<?>> found = new HashSet<>();
        while (!pending.isEmpty()) {
            ResolvableType type = pending.pop();
            if (type.isArray()) {
                pending.add(type.getComponentType());
                continue;
            }
            for (ResolvableType argument : type.getGenerics()) { // List<T>, Map<K, V>, ResponseEntity<T>, Optional<T>
                pending.add(argument);
            }
            Class<?> c = type.resolve();
            if (c == null || c.isEnum() || !c.getName().startsWith("io.qnt9.srs.") || !found.add(c)) {
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    pending.add(ResolvableType.forMethodReturnType(component.getAccessor(), c));
                }
            } else {
                for (var property : BeanUtils.getPropertyDescriptors(c)) {
                    Method getter = property.getReadMethod();
                    if (getter != null && !Modifier.isStatic(getter.getModifiers())) {
                        pending.add(ResolvableType.forMethodReturnType(getter, c));
                    }
                }
            }
        }
        return found;
    }
}
