package org.onedoor.backend.matching;

import org.junit.jupiter.api.BeforeEach;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What every matching integration test starts from: the running backend, its store, tokens for any caller, and
 * {@link MatchingFixtures} on a store cleared of offers, matches and what goes with them before each test.
 */
@IntegrationTest
abstract class MatchingIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  org.onedoor.backend.needs.BoardModel board;

  MatchingFixtures fixtures;

  @BeforeEach
  final void startFromCleanMatching() {
    fixtures = new MatchingFixtures(port, tokens, mongo, board);
    fixtures.clean();
  }
}
