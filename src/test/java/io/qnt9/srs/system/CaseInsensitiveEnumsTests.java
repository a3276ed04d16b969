package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

class CaseInsensitiveEnumsTests {

    enum Mode {
        FAST,
        Fast, // a constant that differs only in case still wins on an exact match
        SLOW {
            @Override
            public String toString() {
                return "slow";
            }
        }
    }

    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    CaseInsensitiveEnumsTests() {
        new CaseInsensitiveEnums().addFormatters(conversions);
    }

    @Test
    void matchesAConstantIgnoringCaseAndSurroundingBlanks() {
        assertThat(conversions.convert("friday", DayOfWeek.class)).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(conversions.convert("Friday", DayOfWeek.class)).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(conversions.convert(" FRIDAY ", DayOfWeek.class)).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(conversions.convert("slow", Mode.class)).isEqualTo(Mode.SLOW);
    }

    @Test
    void anExactMatchWinsOverOneIgnoringCase() {
        assertThat(conversions.convert("Fast", Mode.class)).isEqualTo(Mode.Fast);
        assertThat(conversions.convert("FAST", Mode.class)).isEqualTo(Mode.FAST);
        assertThat(conversions.convert("fast", Mode.class)).isEqualTo(Mode.FAST); // the first ignoring case
    }

    @Test
    void anEmptyValueIsAbsentAndAnUnknownOneFails() {
        assertThat(conversions.convert("", DayOfWeek.class)).isNull();
        assertThat(conversions.convert("  ", DayOfWeek.class)).isNull();
        assertThatThrownBy(() -> conversions.convert("someday", DayOfWeek.class))
                .isInstanceOf(ConversionFailedException.class)
                .hasRootCauseMessage("No DayOfWeek named 'someday'");
    }
}
