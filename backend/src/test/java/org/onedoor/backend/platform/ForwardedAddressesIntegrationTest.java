package org.onedoor.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Whose address the anonymous limits count (issue 14): X-Forwarded-For is believed from the configured proxies only
 * (loopback by default, for a portal on the same host), and an IPv6 client is counted by its /64.
 */
@IntegrationTest
class ForwardedAddressesIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) {
        receipt { code } errors { code } } }""";

  static String submit(GraphQlHttp client) {
    var answer = client.post(REPORT, Map.of("input", TestIntakes.report(UUID.randomUUID().toString())));
    return answer.data().path("submitMandatoryReport").path("errors").path(0).path("code").asString("ACCEPTED");
  }


  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @BeforeEach
  void fresh() {
    mongo.remove(new Query(), "rate_limits");
  }

  @Test
  void the_portal_on_loopback_names_the_client_and_each_client_has_its_own_allowance() {
    for (int i = 0; i < 10; i++) {
      assertThat(submit(GraphQlHttp.at(port).forwardedFor("203.0.113.7"))).isEqualTo("ACCEPTED");
    }
    assertThat(submit(GraphQlHttp.at(port).forwardedFor("203.0.113.7"))).isEqualTo("RATE_LIMITED");
    assertThat(submit(GraphQlHttp.at(port).forwardedFor("203.0.113.8"))).as("another client").isEqualTo("ACCEPTED");
  }

  @Test
  void every_address_of_one_ipv6_64_shares_one_allowance() {
    for (int i = 0; i < 10; i++) {
      assertThat(submit(GraphQlHttp.at(port).forwardedFor("2001:db8:7:7::" + Integer.toHexString(i + 1))))
          .isEqualTo("ACCEPTED");
    }
    assertThat(submit(GraphQlHttp.at(port).forwardedFor("2001:db8:7:7:ffff::1"))).isEqualTo("RATE_LIMITED");
    assertThat(submit(GraphQlHttp.at(port).forwardedFor("2001:db8:7:8::1"))).as("another /64").isEqualTo("ACCEPTED");
  }

  @Autowired
  org.springframework.core.env.Environment environment;

  @Test
  void by_default_only_loopback_is_a_proxy_and_no_private_network_peer_is() {
    String proxies = environment.getProperty("server.tomcat.remoteip.internal-proxies");

    assertThat("127.0.0.1").matches(proxies);
    assertThat("0:0:0:0:0:0:0:1").matches(proxies);
    for (String peer : java.util.List.of("10.0.0.5", "192.168.1.20", "172.16.0.9", "169.254.1.1", "100.64.0.1")) {
      assertThat(peer).as("a peer on a private network is not believed by default").doesNotMatch(proxies);
    }
  }
}
