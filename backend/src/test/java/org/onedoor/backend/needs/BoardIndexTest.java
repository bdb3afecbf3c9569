package org.onedoor.backend.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.publication.AgeBand;

class BoardIndexTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  private static BoardEntry entry(String id, Urgency urgency, String month, NeedCategory category, String township,
      String deadline, LocalDate consent, boolean fulfilled) {
    PublicNeed shown = new PublicNeed(id, category, "t", "d", urgency, deadline, AgeBand.AGE_6_11, null, township,
        null, 100, List.of(), null, month, fulfilled);
    return new BoardEntry("need-" + id, shown, urgency.ordinal(), consent);
  }

  private static BoardEntry open(String id, Urgency urgency, String month, NeedCategory category, String township) {
    return entry(id, urgency, month, category, township, null, TODAY.plusYears(1), false);
  }

  private static List<String> ids(List<BoardEntry> page) {
    return page.stream().map(e -> e.shown().id()).toList();
  }

  @Test
  void a_page_is_in_the_boards_order_and_continues_after_its_key() {
    Urgency first = Urgency.values()[0];
    Urgency last = Urgency.values()[Urgency.values().length - 1];
    BoardIndex index = new BoardIndex(List.of(
        open("c", last, "2026-01", NeedCategory.MEDICAL, "a"),
        open("b", first, "2026-05", NeedCategory.MEDICAL, "a"),
        open("a", first, "2026-05", NeedCategory.EDUCATION, "b"),
        open("d", first, "2026-02", NeedCategory.MEDICAL, null)));

    assertThat(ids(index.page(null, null, 10, TODAY))).containsExactly("d", "a", "b", "c");
    assertThat(ids(index.page(null, null, 2, TODAY))).containsExactly("d", "a");
    assertThat(ids(index.page(null, new BoardIndex.Key(first.ordinal(), "2026-05", "a"), 10, TODAY)))
        .containsExactly("b", "c");
  }

  @Test
  void filters_combine_and_a_value_nobody_has_gives_an_empty_page() {
    List<BoardEntry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      entries.add(open(String.format("%03d", i), Urgency.values()[i % Urgency.values().length], "2026-0" + (1 + i % 9),
          NeedCategory.values()[i % NeedCategory.values().length], i % 3 == 0 ? "east" : "west"));
    }
    BoardIndex index = new BoardIndex(entries);
    NeedFilter medicalEast = new NeedFilter(NeedCategory.MEDICAL, "east", null, null, null);
    List<String> expected = entries.stream().filter(e -> e.shown().category() == NeedCategory.MEDICAL
        && "east".equals(e.shown().townshipId())).sorted(BoardEntry.ORDER).map(e -> e.shown().id()).toList();

    assertThat(expected).isNotEmpty();
    assertThat(ids(index.page(medicalEast, null, 1000, TODAY))).isEqualTo(expected);
    assertThat(index.page(new NeedFilter(null, "nowhere", null, null, null), null, 10, TODAY)).isEmpty();
  }

  @Test
  void lapsed_consents_and_deadlines_never_show_and_fulfilled_needs_have_their_own_board() {
    BoardIndex index = new BoardIndex(List.of(
        open("open", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "a"),
        entry("consent-lapsed", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "a", null, TODAY.minusDays(1), false),
        entry("deadline-passed", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "a", "2026-10", TODAY, false),
        entry("deadline-this-month", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "a", "2026-11", TODAY, false),
        entry("fulfilled", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "a", "2026-10", TODAY, true)));

    assertThat(ids(index.page(null, null, 10, TODAY))).containsExactlyInAnyOrder("open", "deadline-this-month");
    assertThat(ids(index.page(new NeedFilter(null, null, null, null, true), null, 10, TODAY)))
        .containsExactly("fulfilled");
    assertThat(index.byPublicId("consent-lapsed", TODAY)).isNull();
    assertThat(index.byPublicId("fulfilled", TODAY)).isNotNull();
    assertThat(index.byPublicId("deadline-this-month", TODAY.plusDays(1))).as("the month turned").isNull();
  }

  @Test
  void a_change_replaces_a_needs_entry_and_a_need_gone_from_the_public_leaves() {
    BoardIndex index = new BoardIndex(List.of(
        open("a", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "x"),
        open("b", Urgency.HIGH, "2026-02", NeedCategory.MEDICAL, "x")));
    BoardEntry fulfilledA = entry("a", Urgency.HIGH, "2026-01", NeedCategory.MEDICAL, "x", null, TODAY.plusYears(1),
        true);
    BoardEntry c = open("c", Urgency.HIGH, "2026-01", NeedCategory.EDUCATION, "y");

    BoardIndex changed = index.with(Set.of("need-a", "need-b", "need-c"), Map.of("need-a", fulfilledA, "need-c", c),
        TODAY);

    assertThat(ids(changed.page(null, null, 10, TODAY))).containsExactly("c");
    assertThat(ids(changed.page(new NeedFilter(null, null, null, null, true), null, 10, TODAY))).containsExactly("a");
    assertThat(changed.byPublicId("b", TODAY)).isNull();
    assertThat(ids(index.page(null, null, 10, TODAY))).as("the old index is untouched").containsExactly("a", "b");
  }
}
