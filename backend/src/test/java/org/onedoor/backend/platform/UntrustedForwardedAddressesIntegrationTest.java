package org.onedoor.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** X-Forwarded-For from a peer that is not a configured proxy is ignored (issue 14). */
@IntegrationTest
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=10\\\\.9\\\\.9\\\\.9")
class UntrustedForwardedAddressesIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void a_made_up_forwarded_address_is_ignored_and_the_caller_is_counted_as_itself() {
    mongo.remove(new Query(), "rate_limits");
    for (int i = 0; i < 10; i++) {
      assertThat(ForwardedAddressesIntegrationTest.submit(GraphQlHttp.at(port).forwardedFor("198.51.100." + i)))
          .isEqualTo("ACCEPTED");
    }
    assertThat(ForwardedAddressesIntegrationTest.submit(GraphQlHttp.at(port).forwardedFor("198.51.100.99")))
        .as("a fresh made-up address each time buys nothing").isEqualTo("RATE_LIMITED");
  }
}
