package io.qnt9.srs.marketdata;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The repository suite on the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class EmbeddedPostgresRepositoryTests extends MarketDataRepositoryContract {}
