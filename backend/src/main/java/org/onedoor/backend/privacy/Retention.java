package org.onedoor.backend.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.onedoor.backend.casefiles.FileRetention;
import org.onedoor.backend.intake.Intakes;
import org.onedoor.backend.matching.OfferRetention;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.lease.Leases;
import org.onedoor.backend.safety.SafetyErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rules, applied once a day on one instance (a lease): reporters' contacts of closed reports, decided
 * sign-ups' personal data (and the accounts of those never approved), grown-up children's files (reduced, and what
 * other features hold about them cleared), reports and applications closed without a file, ended offers' offerers,
 * answered guardians' requests and old access-log entries, each after the time
 * {@link RetentionSettings} gives. Every erasure is audited in {@code erasures} — the rule, what kind of data, how many
 * records, the cut-off, by whom — never the erased data. Public statistics keep their counts (a reduced file keeps
 * its township, sex, causes and year of birth) and published needs are not touched.
 */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
public class Retention {

  /** The audit of erasures. */
  static final String ERASURES = "erasures";
  static final String LEASE = "retention";
  /** How many records a rule reads at a time. */
  static final int BATCH = 500;
  /** Who erases when the rules do it. */
  static final String BY_RULE = "retention";

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** One rule's erasure: what kind of data, how many records, up to which cut-off. */
  public record Erased(String kind, long records, String cutoff) {
  }

  private final MongoTemplate mongo;
  private final Intakes intakes;
  private final FileRetention files;
  private final Leases leases;
  private final ReducedFiles reduced;
  private final RetentionSettings settings;
  private final Clock clock;
  private final SafetyErasure chains;
  private final OfferRetention offers;
  private final GuardianRequests guardianRequests;
  private final String instance = UUID.randomUUID().toString();

  Retention(MongoTemplate mongo, Intakes intakes, FileRetention files, Leases leases,
      ReducedFiles reduced, RetentionSettings settings, Clock clock, SafetyErasure chains, OfferRetention offers,
      GuardianRequests guardianRequests) {
    this.chains = chains;
    this.offers = offers;
    this.guardianRequests = guardianRequests;
    this.reduced = reduced;
    this.mongo = mongo;
    this.intakes = intakes;
    this.files = files;
    this.leases = leases;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(cron = "${onedoor.retention.schedule:0 30 2 * * *}", zone = "Asia/Shanghai")
  void daily() {
    try {
      run(instance, clock.instant());
    } catch (RuntimeException failed) {
      log.warn("The retention rules did not finish today (they run again tomorrow): {}",
          failed.getClass().getSimpleName());
    }
  }

  /**
   * Applies every rule as of {@code now} on this instance, if it gets the lease (else nothing); the erasures made.
   * A rule reaches each record once: running twice erases nothing more.
   */
  public List<Erased> run(String owner, Instant now) {
    if (!leases.acquire(LEASE, owner, now, Duration.ofMinutes(30))) {
      return List.of();
    }
    try {
      List<Erased> erased = new ArrayList<>();
      // A report whose chain is still open (the child not found yet) keeps its reporter's contact and what it says.
      java.util.Set<String> sought = chains.openIntakes();
      Instant reports = before(now, settings.reporterContact());
      apply(erased, now, "REPORTER_CONTACT", reports.toString(), count -> count.accept(
          intakes.eraseReporterContacts(reports, now, sought)));
      Instant signUps = before(now, settings.decidedSignUp());
      apply(erased, now, "SIGN_UP_PERSONAL_DATA", signUps.toString(),
          count -> count.accept(intakes.eraseDecidedSignUps(signUps, now)));
      // A child born before this day turned 18 longer ago than the rule keeps a grown-up's file.
      LocalDate bornBefore = now.atZone(CityTime.ZONE).toLocalDate().minusYears(18).minus(settings.grownUpFile());
      apply(erased, now, "GROWN_UP_FILE", bornBefore.toString(),
          count -> count.accept(files.reduceGrownUpFiles(bornBefore, now)));
      // Around every reduced file (this rule's, or an erasure's whose clearing failed, or one cleared by an earlier
      // version that reached less): other features' records.
      apply(erased, now, "AROUND_REDUCED_FILE", null, count -> {
        for (String fileId : files.reducedAwaitingClearance()) {
          try {
            reduced.clearAround(fileId, now);
            files.markCleared(fileId, now);
            count.accept(1);
          } catch (RuntimeException failed) {
            log.warn("Clearing around a reduced file failed and runs again tomorrow: {}",
                failed.getClass().getSimpleName());
          }
        }
      });
      Instant unattached = before(now, settings.closedWithoutFile());
      apply(erased, now, "CLOSED_WITHOUT_FILE", unattached.toString(), count -> {
        String after = null;
        List<String> page;
        do {
          page = intakes.closedWithoutFile(unattached, after, BATCH);
          if (page.isEmpty()) {
            break;
          }
          after = page.getLast();
          List<String> due = page.stream().filter(id -> !sought.contains(id)).toList();
          // The chains first: the intakes' mark is what makes the rule reach each once.
          chains.eraseForIntakes(due);
          count.accept(intakes.eraseClosedWithoutFile(due, now));
        } while (page.size() == BATCH);
      });
      Instant offersEnded = before(now, settings.endedOffer());
      apply(erased, now, "ENDED_OFFER", offersEnded.toString(), count -> offers.eraseEnded(offersEnded,
          offersEnded.atZone(CityTime.ZONE).toLocalDate(), now, count));
      Instant requests = before(now, settings.closedGuardianRequest());
      apply(erased, now, "GUARDIAN_REQUEST", requests.toString(),
          count -> count.accept(guardianRequests.deleteClosedBefore(requests)));
      Instant reads = before(now, settings.accessLog());
      apply(erased, now, "ACCESS_LOG", reads.toString(), count -> count.accept(files.deleteAccessLogBefore(reads)));
      return erased;
    } finally {
      try {
        leases.release(LEASE, owner);
      } catch (RuntimeException releaseFailed) {
        log.warn("Releasing the retention lease failed: {}", releaseFailed.getClass().getSimpleName());
      }
    }
  }

  /** One rule: erases, and tells {@code count} how many records as it goes (a page at a time, say). */
  private interface Rule {
    void apply(java.util.function.LongConsumer count);
  }

  private void apply(List<Erased> erased, Instant now, String kind, String cutoff, Rule rule) {
    java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();
    try {
      rule.apply(records::addAndGet);
    } catch (RuntimeException failed) {
      // One rule failing does not stop the others; it is tried again at the next run (each rule reaches a record once,
      // so what it did before failing is not done twice — and is audited below).
      log.warn("Retention rule {} failed and runs again tomorrow: {}", kind, failed.getClass().getSimpleName());
    }
    if (records.get() > 0) {
      mongo.insert(new Document("at", Date.from(now)).append("kind", kind).append("records", records.get())
          .append("cutoff", cutoff).append("by", BY_RULE), ERASURES);
      log.info("Retention: erased {} of {} record(s) (cut-off {})", kind, records.get(), cutoff);
      erased.add(new Erased(kind, records.get(), cutoff));
    }
  }

  private static Instant before(Instant now, Period period) {
    return now.atZone(CityTime.ZONE).minus(period).toInstant();
  }
}
