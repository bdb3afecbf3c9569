package org.onedoor.backend.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.matching.Allocator;
import org.onedoor.backend.matching.Compatibility;
import org.onedoor.backend.matching.FulfilmentRecord;
import org.onedoor.backend.matching.Distances;
import org.onedoor.backend.matching.Matcher;
import org.onedoor.backend.matching.MatchingSettings;
import org.onedoor.backend.matching.NeedFacts;
import org.onedoor.backend.matching.Offer;
import org.onedoor.backend.matching.OfferStatus;
import org.onedoor.backend.matching.OffererKind;
import org.onedoor.backend.matching.Scoring;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.registry.VolunteerSkill;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Benchmark, not a test (run by {@code bin/benchmark matching}). Two figures on this machine, in one run:
 * <ol>
 *   <li>suggestions for one need with 20,000 open offers in the store: {@link Matcher#forNeed} in process (the
 *   open offers' copy checked against the store's change counter, the child's facts, the hard constraints and the
 *   scores; not the HTTP and JSON around it), p50/p95 over needs of every category;</li>
 *   <li>a global allocation over 50,000 open needs × 20,000 open offers: the {@link Allocator} on the loaded needs
 *   and offers, wall time (median of 5) and peak heap while it runs.</li>
 * </ol>
 * Uses MongoDB at MONGODB_URI when set, else the embedded store in a fresh temporary directory.
 */
public final class MatchingBenchmark {

  private static final int OFFERS = 20_000;
  private static final int NEEDS = 50_000;
  private static final int WARM_UP = 10;
  private static final int RUNS = 200;
  private static final int ALLOCATIONS = 5;

  private MatchingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("onedoor-benchmark");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OneDoorBackendApplication.class)
        .profiles("demo")
        .run("--server.port=0", "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
            "--onedoor.mongodb.database=benchmark",
            "--onedoor.demo.children=2000", "--logging.level.root=WARN",
            "--logging.level.de.bwaldvogel=ERROR")) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      LocalDate today = CityTime.today(java.time.Clock.systemUTC());
      List<Township> townships = app.getBean(Geography.class).townships();
      List<CaseFile> files = mongo.find(new Query(), CaseFile.class);
      mongo.remove(new Query(), Need.class);
      mongo.insertAll(SyntheticNeeds.make(files, NEEDS, 3, today));
      List<Offer> offers = offers(townships, today);
      mongo.insertAll(offers);
      app.getBean(org.onedoor.backend.matching.OpenOffers.class).changed();
      String store = System.getenv("MONGODB_URI") == null || System.getenv("MONGODB_URI").isBlank()
          ? "embedded mongo-java-server (H2)" : "MongoDB at MONGODB_URI";

      SecurityContextHolder.getContext().setAuthentication(civilAffairs());
      Matcher matcher = app.getBean(Matcher.class);
      List<Need> sample = mongo.find(new Query().limit(WARM_UP + RUNS), Need.class);
      double[] times = new double[RUNS];
      int found = 0;
      for (int i = 0; i < WARM_UP + RUNS; i++) {
        long started = System.nanoTime();
        found += matcher.forNeed(sample.get(i).id(), 10).size();
        if (i >= WARM_UP) {
          times[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
        }
      }
      Arrays.sort(times);

      MatchingSettings settings = app.getBean(MatchingSettings.class);
      List<NeedFacts> facts = facts(mongo.find(new Query(), Need.class), files, today);
      Distances distances = new Distances(townships);
      // The same ranking with the offers already in memory and nothing read from the store: every candidate checked
      // and totalled, the best 10 explained — what is left of a suggestion without the store's lookups.
      Scoring scoring = new Scoring(settings);
      double[] ranking = new double[RUNS];
      for (int i = 0; i < WARM_UP + RUNS; i++) {
        NeedFacts need = facts.get(i);
        long started = System.nanoTime();
        List<Offer> passed = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        Instant now = Instant.now();
        for (Offer offer : offers) {
          if (offer.categories().contains(need.category()) && Compatibility.check(need, offer, today, distances,
              false, settings.placementRadiusKm()).isEmpty()) {
            passed.add(offer);
            totals.add(scoring.total(need, offer, now, distances, FulfilmentRecord.NONE));
          }
        }
        List<Integer> best = new ArrayList<>(java.util.stream.IntStream.range(0, passed.size()).boxed().toList());
        best.sort(java.util.Comparator.comparingDouble(k -> -totals.get(k)));
        for (int k : best.subList(0, Math.min(10, best.size()))) {
          scoring.score(need, passed.get(k), now, distances, FulfilmentRecord.NONE);
        }
        if (i >= WARM_UP) {
          ranking[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
        }
      }
      Arrays.sort(ranking);
      double[] walls = new double[ALLOCATIONS];
      long peak = 0;
      Allocator.Result result = null;
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      for (int run = 0; run < walls.length; run++) {
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong max = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
              Thread.sleep(5);
            } catch (InterruptedException stop) {
              return;
            }
          }
        });
        long started = System.nanoTime();
        result = new Allocator(settings).allocate(facts, offers, Map.of(), Set.of(), distances, Instant.now(), today,
            percent -> { });
        walls[run] = (System.nanoTime() - started) / 1e6;
        sampler.interrupt();
        sampler.join();
        peak = Math.max(peak, max.get());
      }
      Arrays.sort(walls);

      StringBuilder report = new StringBuilder();
      report.append(String.format(Locale.ROOT, "Matching benchmark — %s, Java %s, %d cores, heap max %d MB%n%n",
          store, Runtime.version(), Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20));
      report.append(String.format(Locale.ROOT, "Suggestions for one need, %,d open offers in the store (%d needs, "
              + "%.1f suggestions each): p50 %.1f ms, p95 %.1f ms%n", OFFERS, RUNS, (double) found / (WARM_UP + RUNS),
          times[RUNS / 2], times[(int) (RUNS * 0.95)]));
      report.append(String.format(Locale.ROOT, "The same ranking over the %,d offers held in memory (no store): "
          + "p50 %.1f ms, p95 %.1f ms%n", OFFERS, ranking[RUNS / 2], ranking[(int) (RUNS * 0.95)]));
      report.append(String.format(Locale.ROOT, "Global allocation, %,d needs × %,d offers: wall %.0f ms (median of "
              + "%d; min %.0f, max %.0f), peak heap %d MB; %,d candidate pairs scored (%.1f per need), %,d matches "
              + "proposed, urgency covered %,d of %,d (%.0f%%)%n", facts.size(), offers.size(),
          walls[ALLOCATIONS / 2], ALLOCATIONS, walls[0], walls[ALLOCATIONS - 1], peak >> 20, result.candidates(), (double) result.candidates() / facts.size(),
          result.pairs().size(), result.coveredUrgency(), result.totalUrgency(),
          100.0 * result.coveredUrgency() / result.totalUrgency()));
      System.out.println();
      System.out.println(report);
    }
  }

  /** 20,000 open offers: money, sponsorships, projects, goods and services, by donors, charities and volunteers. */
  private static List<Offer> offers(List<Township> townships, LocalDate today) {
    Random random = new Random(11);
    NeedCategory[] categories = NeedCategory.values();
    List<Offer> offers = new ArrayList<>(OFFERS);
    for (int i = 0; i < OFFERS; i++) {
      int pick = random.nextInt(10);
      OfferKind kind = pick < 5 ? OfferKind.MONEY : pick < 7 ? OfferKind.SPONSORSHIP : pick < 8 ? OfferKind.PROJECT
          : pick < 9 ? OfferKind.GOODS : OfferKind.SERVICE;
      OffererKind offerer = kind == OfferKind.SERVICE ? OffererKind.VOLUNTEER
          : kind == OfferKind.PROJECT ? OffererKind.ORGANISATION : OffererKind.DONOR;
      List<NeedCategory> serves = random.nextInt(3) == 0
          ? List.of(categories[random.nextInt(categories.length)], categories[random.nextInt(categories.length)])
              .stream().distinct().toList()
          : List.of(categories[random.nextInt(categories.length)]);
      String township = random.nextInt(3) == 0 ? null : townships.get(random.nextInt(townships.size())).id();
      offers.add(new Offer(new UUID(random.nextLong(), random.nextLong()).toString(), "intake-" + i, "CODE" + i,
          random.nextInt(4) == 0 ? null : "account-" + random.nextInt(5000), offerer, "捐赠人", null, kind, serves,
          township, kind == OfferKind.GOODS || kind == OfferKind.SERVICE ? null : 100 * (1 + random.nextInt(50)),
          kind == OfferKind.GOODS ? List.of("冬衣", "书包") : List.of(),
          kind == OfferKind.SERVICE ? VolunteerSkill.TUTORING : null, kind == OfferKind.SERVICE ? 4 : null, null,
          null, null, null, null, 1 + random.nextInt(4), 0, today.plusMonths(1 + random.nextInt(12)), null,
          OfferStatus.OPEN, Instant.now().minusSeconds(random.nextInt(86_400 * 90)), 0, null));
    }
    return offers;
  }

  /** The allocation's view of the needs, with each child's township, age and sex from the files. */
  private static List<NeedFacts> facts(List<Need> needs, List<CaseFile> files, LocalDate today) {
    Map<String, CaseFile> byId = new java.util.HashMap<>();
    files.forEach(f -> byId.put(f.id(), f));
    List<NeedFacts> facts = new ArrayList<>(needs.size());
    for (Need need : needs) {
      CaseFile file = byId.get(need.caseFileId());
      facts.add(new NeedFacts(need.id(), need.caseFileId(), true, need.category(), need.urgency(), need.placement(),
          need.amountYuan(), need.goods(), need.serviceHours(), need.publishedAt(), file.townshipId(),
          java.time.Period.between(file.birthDate(), today).getYears(), file.sex() == null ? Sex.FEMALE
              : file.sex()));
    }
    return facts;
  }

  private static JwtAuthenticationToken civilAffairs() {
    Jwt jwt = Jwt.withTokenValue("benchmark").header("alg", "none").subject("benchmark-civil")
        .claim("name", "民政 基准测试").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build();
    return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_CIVIL_AFFAIRS")));
  }
}
