package io.qnt9.srs.system;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter that takes one value (a date, a number, a choice) given more than once, as in {@code
 * ?start=2014-01-01&start=2015-01-01}, is refused: a 400 that names the parameter and the values
 * ({@code ProblemHandler}). Spring's default conversion silently used the first value. Parameters read as text keep
 * Spring's behaviour, repeated values joined with commas, which the list parameters ({@code tickers}, {@code names},
 * {@code band}) take as a list.
 */
@Configuration(proxyBeanMethods = false)
class SingleValueParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        if (registry instanceof ConversionService conversions) {
            registry.addConverter(new OneValueOnly(conversions));
        }
    }

    /** {@code String[]} to a single value: the one element converted, or a failure when there are several. */
    static final class OneValueOnly implements ConditionalGenericConverter {

        private final ConversionService conversions;

        OneValueOnly(ConversionService conversions) {
            this.conversions = conversions;
        }

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String[].class, Object.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            Class<?> target = targetType.getObjectType();
            return !target.isArray()
                    && !CharSequence.class.isAssignableFrom(target)
                    && !Collection.class.isAssignableFrom(target)
                    && !Map.class.isAssignableFrom(target)
                    && target != Object.class;
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String[] values = (String[]) source;
            if (values == null || values.length == 0) {
                return conversions.convert(null, TypeDescriptor.valueOf(String.class), targetType);
            }
            if (values.length > 1) {
                throw new IllegalArgumentException("one value expected, got " + values.length);
            }
            return conversions.convert(values[0], TypeDescriptor.valueOf(String.class), targetType);
        }
    }
}
