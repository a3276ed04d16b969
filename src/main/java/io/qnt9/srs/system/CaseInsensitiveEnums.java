package io.qnt9.srs.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter read as an enum ({@code kind=etf}) matches its constant ignoring case, as the parameters the
 * controllers check themselves ({@code band}, {@code sort}, {@code mode}) always did; Spring's default conversion
 * wanted {@code ETF} exactly. An unknown value is still a 400 that lists the constants ({@code ProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class CaseInsensitiveEnums implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new Factory());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Factory implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<?> type = targetType;
            while (type != null && !type.isEnum()) {
                type = type.getSuperclass(); // a constant with a body is a subclass of its enum
            }
            Class<T> enumType = (Class<T>) type;
            return source -> parse(enumType, source);
        }

        static <T extends Enum> T parse(Class<T> type, String source) {
            String value = source.trim();
            if (value.isEmpty()) {
                return null; // as Spring's own: an empty parameter is an absent one
            }
            T match = null;
            for (T constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
                if (match == null && constant.name().equalsIgnoreCase(value)) {
                    match = constant;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("No " + type.getSimpleName() + " named '" + value + "'");
            }
            return match;
        }
    }
}
