package org.onedoor.backend.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (docs/data-inventory.md), applied every day by {@link Retention}.
 *
 * @param reporterContact how long a closed mandatory report keeps the reporter's name and phone
 * @param decidedSignUp how long a decided sign-up keeps its personal data (a rejected one's is gone then; an approved
 *     one's lives on in the register)
 * @param grownUpFile how long after a child turns 18 the file is reduced to what statistics and audit need
 * @param accessLog how long an entry of the file access log is kept
 * @param closedWithoutFile how long a report or an application closed without a child's file (found groundless,
 *     refused) keeps what it said of the child and of who reported or applied — long enough for a complaint or an
 *     administrative review of the decision
 * @param endedOffer how long an offer keeps who made it after it was withdrawn or its last day passed
 * @param closedGuardianRequest how long a guardian's answered request is kept (the proof it was answered)
 * @param schedule when the rules run (cron, Asia/Shanghai)
 */
@ConfigurationProperties("onedoor.retention")
public record RetentionSettings(
    @DefaultValue("P90D") Period reporterContact,
    @DefaultValue("P30D") Period decidedSignUp,
    @DefaultValue("P5Y") Period grownUpFile,
    @DefaultValue("P3Y") Period accessLog,
    @DefaultValue("P1Y") Period closedWithoutFile,
    @DefaultValue("P1Y") Period endedOffer,
    @DefaultValue("P3Y") Period closedGuardianRequest,
    @DefaultValue("0 30 2 * * *") String schedule) {

  public RetentionSettings {
    for (Period period : new Period[] {reporterContact, decidedSignUp, grownUpFile, accessLog, closedWithoutFile,
        endedOffer, closedGuardianRequest}) {
      if (period.isNegative()) {
        throw new IllegalArgumentException("onedoor.retention periods must not be negative");
      }
    }
  }
}
