package org.onedoor.backend.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sign-in page's password check, throttled ({@link SignInThrottle}): an attempt the throttle holds back is refused
 * without hashing, and every refusal — wrong password, unknown, disabled, held back or locked account — takes as long
 * as a password check and gives the same answer, so neither the answer nor its timing tells them apart.
 */
class ThrottledSignIn implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final Duration oneCheck;

  ThrottledSignIn(UserDetailsService accounts, PasswordEncoder encoder, SignInThrottle throttle) {
    this.passwords = new DaoAuthenticationProvider(accounts);
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
    this.oneCheck = timeOneCheck(encoder);
  }

  /** How long one password check takes here (the median of three), what every refusal lasts at least. */
  private static Duration timeOneCheck(PasswordEncoder encoder) {
    String hash = encoder.encode("a-password-to-time-the-check");
    long[] nanos = new long[3];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      encoder.matches("another-password-to-time", hash);
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    return Duration.ofNanos(nanos[1]);
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    long start = System.nanoTime();
    String username = attempt.getName();
    String address = clientAddress();
    if (!throttle.claim(username, address)) {
      // Held back, locked, or another attempt for the account is being checked: refused without a check, and not
      // counted (waiting out a lock must not make it longer).
      throw slowly(start, new BadCredentialsException("Bad credentials"));
    }
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      throttle.succeeded(username);
      return signedIn;
    } catch (CredentialsExpiredException rightPasswordMustChange) {
      throttle.succeeded(username); // the password was right: the change page follows
      throw rightPasswordMustChange;
    } catch (AuthenticationException refused) {
      throttle.failed(username, address);
      // Disabled, locked or unknown accounts answer like a wrong password, after as long.
      throw slowly(start, new BadCredentialsException("Bad credentials"));
    }
  }

  private AuthenticationException slowly(long start, AuthenticationException refusal) {
    long left = oneCheck.toNanos() - (System.nanoTime() - start);
    if (left > 0) {
      try {
        Thread.sleep(Duration.ofNanos(left));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return refusal;
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
