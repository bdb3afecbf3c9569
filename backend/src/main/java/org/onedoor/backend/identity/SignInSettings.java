package org.onedoor.backend.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How wrong passwords at the sign-in page are slowed down and stopped.
 *
 * @param maxFailures wrong passwords in a row for one account before it is locked
 * @param addressMaxFailures wrong passwords in a row from one client address (an IPv6 /64 counts as one) before it
 *     is locked, whatever accounts it tries
 * @param firstDelay how long after the first wrong password the next attempt is not even checked; it doubles with
 *     every further failure
 * @param lock how long a lock lasts (an administrator can lift an account's lock sooner)
 */
@ConfigurationProperties("onedoor.sign-in")
public record SignInSettings(@DefaultValue("5") int maxFailures, @DefaultValue("50") int addressMaxFailures,
    @DefaultValue("PT1S") Duration firstDelay, @DefaultValue("PT15M") Duration lock) {
}
