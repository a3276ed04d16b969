package io.qnt9.srs.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Every {@code double} in a JSON answer — fields, boxed values, arrays — goes out rounded by {@link Significant}: the
 * API's numbers carry no floating-point noise. Boot registers the module with the application's JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
class JsonNumbers {

    @Bean
    SimpleModule significantDoubles() {
        SimpleModule module = new SimpleModule("qnt9-significant-doubles");
        DoubleSerializer single = new DoubleSerializer();
        module.addSerializer(Double.class, single);
        module.addSerializer(Double.TYPE, single);
        module.addSerializer(double[].class, new DoubleArraySerializer());
        return module;
    }

    static final class DoubleSerializer extends StdSerializer<Double> {

        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
            gen.writeNumber(Significant.round(value));
        }
    }

    static final class DoubleArraySerializer extends StdSerializer<double[]> {

        DoubleArraySerializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializationContext context) {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                gen.writeNumber(Significant.round(v));
            }
            gen.writeEndArray();
        }
    }
}
