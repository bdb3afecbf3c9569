package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Online guessing at the sign-in page (issue 14), with the production settings: a growing wait, then a lock; the
 * right password refused while locked; the server's hashing bounded; the lock audited, shown to administrators and
 * liftable by them; unknown and locked accounts answered like a wrong password.
 */
@IntegrationTest
// The production settings, with a first wait of 0.1 s instead of 1 s so that the doubling waits reach the lock
// (after 5 checked failures) within the test's seconds.
@TestPropertySource(properties = {"onedoor.sign-in.first-delay=PT0.1S", "onedoor.sign-in.max-failures=5",
    "onedoor.sign-in.address-max-failures=50", "onedoor.sign-in.lock=PT15M"})
class SignInThrottleIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  TestTokens tokens;

  @MockitoSpyBean
  PasswordEncoder passwords;

  @Test
  void fifty_wrong_passwords_from_one_address_lock_the_account_bound_the_hashing_and_are_audited() throws Exception {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SignInThrottle.COLLECTION);
    org.mockito.Mockito.clearInvocations(passwords);
    OidcClient guesser = new OidcClient(port);
    List<Long> millis = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      assertThat(guesser.signIn("township", "wrong-guess-" + i)).isEmpty();
      millis.add((System.nanoTime() - start) / 1_000_000);
      Thread.sleep(60);
    }
    int hashed = org.mockito.Mockito.mockingDetails(passwords).getInvocations().stream()
        .filter(call -> call.getMethod().getName().equals("matches")).toList().size();

    org.slf4j.LoggerFactory.getLogger(SignInThrottleIntegrationTest.class).info(
        "Sign-in throttle: 50 wrong passwords in {} ms, {} password hashes checked", millis.stream()
            .mapToLong(Long::longValue).sum(), hashed);
    assertThat(hashed).as("50 guesses fired as fast as the answers came: only the first and those after each wait"
        + " were checked, then none once locked").isLessThanOrEqualTo(5);
    assertThat(guesser.signIn("township", "onedoor-demo")).as("the right password, while locked").isEmpty();
    List<Document> audit = mongo.find(query(where("username").is("township").and("action").is("SIGN_IN_LOCKED")),
        Document.class, StaffAccounts.AUDIT);
    assertThat(audit).as("the lock is in the account's history").isNotEmpty();

    // The user comes back from another address.
    mongo.remove(query(where("_id").is(SignInThrottle.addressKey("127.0.0.1"))), SignInThrottle.COLLECTION);

    GraphQlHttp admin = GraphQlHttp.at(port).withToken(tokens.token("admin-throttle", "管理员",
        List.of(RoleNames.ADMIN), Map.of()));
    var listed = admin.post("{ staffAccounts(first: 100) { edges { node { username lockedUntil history { action } }"
        + " } } }");
    assertThat(listed.body()).as(listed.body()).contains("\"lockedUntil\":\"20", "SIGN_IN_LOCKED");
    var unlocked = admin.post("""
        mutation($input: UnlockStaffSignInInput!) { unlockStaffSignIn(input: $input) {
          account { username lockedUntil } errors { code } } }""", Map.of("input", Map.of("username", "township")));
    assertThat(unlocked.data().path("unlockStaffSignIn").path("account").path("lockedUntil").isNull())
        .as(unlocked.body()).isTrue();
    assertThat(guesser.signIn("township", "onedoor-demo")).as("from another address, once the account's lock is"
        + " lifted").isPresent();
    assertThat(mongo.exists(query(where("username").is("township").and("action").is("SIGN_IN_UNLOCKED")),
        StaffAccounts.AUDIT)).isTrue();
  }

  @Test
  void an_unknown_account_and_a_locked_one_are_answered_like_a_wrong_password_and_as_slowly() throws Exception {
    OidcClient client = new OidcClient(port);
    long unknown = timed(() -> client.signIn("nobody-here", "some-wrong-guess"));
    long wrong = timed(() -> client.signIn("supervisor", "some-wrong-guess"));
    long heldBack = timed(() -> client.signIn("supervisor", "some-wrong-guess"));

    org.slf4j.LoggerFactory.getLogger(SignInThrottleIntegrationTest.class).info(
        "Sign-in refusals: unknown {} ms, wrong {} ms, held back {} ms", unknown, wrong, heldBack);
    assertThat(unknown).as("unknown %d ms, wrong %d ms, held back %d ms", unknown, wrong, heldBack)
        .isGreaterThanOrEqualTo(wrong / 3);
    assertThat(heldBack).as("a refusal without a hash still takes as long as one").isGreaterThanOrEqualTo(wrong / 3);
    mongo.remove(query(where("_id").is(SignInThrottle.accountKey("supervisor"))), SignInThrottle.COLLECTION);
  }

  @Test
  void fifty_wrong_passwords_spread_over_many_accounts_lock_the_address_for_every_account() throws Exception {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SignInThrottle.COLLECTION);
    OidcClient sprayer = new OidcClient(port);
    for (int i = 0; i < 50; i++) {
      assertThat(sprayer.signIn("sprayed-" + i, "spring-2026")).isEmpty();
    }

    assertThat(sprayer.signIn("charity", "onedoor-demo")).as("the address is locked whatever account it tries")
        .isEmpty();
    assertThat(mongo.exists(query(where("action").is("ADDRESS_LOCKED")), StaffAccounts.AUDIT))
        .as("the address's lock is audited").isTrue();
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SignInThrottle.COLLECTION);
  }

  @Test
  void parallel_guesses_for_one_account_get_one_password_check_not_one_each() throws Exception {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SignInThrottle.COLLECTION);
    org.mockito.Mockito.clearInvocations(passwords);
    List<java.util.concurrent.Callable<Object>> guesses = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      int n = i;
      guesses.add(() -> new OidcClient(port).signIn("family", "parallel-guess-" + n));
    }
    AtOnce.call(guesses);
    long hashed = org.mockito.Mockito.mockingDetails(passwords).getInvocations().stream()
        .filter(call -> call.getMethod().getName().equals("matches")).count();

    assertThat(hashed).as("32 guesses at once, each claiming the account's one check").isLessThanOrEqualTo(3);
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SignInThrottle.COLLECTION);
  }

  @Test
  void an_ipv6_client_is_counted_by_its_64_prefix() {
    assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        .isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:3::1"));
    assertThat(SignInThrottle.addressKey("10.0.0.1")).isNotEqualTo(SignInThrottle.addressKey("10.0.0.2"));
  }

  private interface Attempt {
    Object run() throws Exception;
  }

  private static long timed(Attempt attempt) throws Exception {
    long start = System.nanoTime();
    attempt.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
