package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RefusedUploadDrainFilterTests {

    private static MockHttpServletRequest put(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/watchlists/1");
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void aRefusedBodyIsReadToItsEndWhenItIsSmall() {
        assertThat(RefusedUploadDrainFilter.drain(put(70_000))).isEqualTo(70_000);
    }

    @Test
    void aBodyDeclaredLargerThanTheDrainLimitIsNotReadAtAll() {
        assertThat(RefusedUploadDrainFilter.drain(put(RefusedUploadDrainFilter.MAX_DRAIN_BYTES + 1)))
                .isZero();
    }

    @Test
    void aBodyOfUnknownLengthIsReadAtMostToTheLimit() {
        // MockHttpServletRequest derives the length from the content; a chunked request declares none.
        MockHttpServletRequest chunked = new MockHttpServletRequest("PUT", "/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[RefusedUploadDrainFilter.MAX_DRAIN_BYTES + 100_000]);
        assertThat(RefusedUploadDrainFilter.drain(chunked)).isEqualTo(RefusedUploadDrainFilter.MAX_DRAIN_BYTES);
    }

    @Test
    void onlyA413IsDrainedAndABodyTakenAsAReaderIsLeftAlone() throws Exception {
        RefusedUploadDrainFilter filter = new RefusedUploadDrainFilter();
        MockHttpServletRequest ok = put(1_000);
        filter.doFilter(ok, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(ok.getInputStream().available())
                .as("a 200 leaves the body alone")
                .isEqualTo(1_000);

        MockHttpServletRequest readAsText = put(1_000);
        readAsText.getReader();
        assertThat(RefusedUploadDrainFilter.drain(readAsText)).isZero();
    }
}
