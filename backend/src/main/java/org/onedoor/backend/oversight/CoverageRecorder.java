package org.onedoor.backend.oversight;

import java.util.List;
import org.onedoor.schema.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records every township's coverage once a day, so the coverage trends have a point for every month even when
 * nobody opens the dashboard. Recording the same day twice (two instances) writes the same counts: no lease needed.
 */
@Component
class CoverageRecorder {

  private static final Logger log = LoggerFactory.getLogger(CoverageRecorder.class);

  private final Indicators indicators;

  CoverageRecorder(Indicators indicators) {
    this.indicators = indicators;
  }

  @Scheduled(cron = "${onedoor.oversight.record-coverage:0 50 23 * * *}", zone = "Asia/Shanghai")
  void daily() {
    var context = SecurityContextHolder.createEmptyContext();
    // The run reads counts as the oversight office would; it has no account and opens no file.
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:oversight", null,
        List.of(new SimpleGrantedAuthority("ROLE_" + RoleNames.OVERSIGHT))));
    SecurityContextHolder.setContext(context);
    try {
      indicators.recordCoverage();
    } catch (RuntimeException failed) {
      log.warn("Coverage not recorded today: {}", failed.getClass().getSimpleName());
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
