package org.onedoor.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.onedoor.portal.api.Page;

/**
 * The pager behind every staff list: after an action on a row (a match rejected on the third page), the user stays
 * where they were, with the list fresh — not thrown back to the first page, and not cut at the API's page cap.
 */
class KeysetPagerTest {

  /** A keyset-paged source like the API's: items after a cursor (an item's number), at most 100 a page. */
  private static final class Source implements KeysetPager.Fetch<Integer> {
    final List<Integer> items;
    final List<Integer> asked = new ArrayList<>();

    Source(int count) {
      items = new ArrayList<>(IntStream.rangeClosed(1, count).boxed().toList());
    }

    @Override
    public Page<Integer> page(int first, String after) {
      asked.add(first);
      int from = after == null ? 0 : items.indexOf(Integer.valueOf(after)) + 1;
      List<Integer> page = items.subList(from, Math.min(items.size(), from + Math.min(first, 100)));
      return new Page<>(List.copyOf(page), from + page.size() < items.size(),
          page.isEmpty() ? after : String.valueOf(page.getLast()));
    }
  }

  private final Div owner = new Div() {
    @Override
    public String getTranslation(String key, Object... params) {
      return key;
    }
  };

  @Test
  void after_an_action_on_the_third_page_the_list_stays_as_long_without_the_row_acted_on() {
    Source source = new Source(65);
    List<List<Integer>> shown = new ArrayList<>();
    KeysetPager<Integer> pager = new KeysetPager<>(owner, shown::add, "more", 20, source);
    pager.reload();
    pager.moreButton().click();
    pager.moreButton().click();
    assertThat(shown.getLast()).hasSize(60);

    source.items.remove(Integer.valueOf(47));
    pager.refresh();

    assertThat(shown.getLast()).as("the user stays on the third page").hasSize(60).doesNotContain(47)
        .startsWith(1, 2).endsWith(61);
    assertThat(pager.moreButton().isVisible()).as("four more remain").isTrue();
    pager.moreButton().click();
    assertThat(shown.getLast()).hasSize(64).endsWith(65);
    assertThat(pager.moreButton().isVisible()).isFalse();
  }

  @Test
  void a_list_followed_past_the_apis_page_cap_is_refreshed_whole_page_after_page() {
    Source source = new Source(300);
    List<List<Integer>> shown = new ArrayList<>();
    KeysetPager<Integer> pager = new KeysetPager<>(owner, shown::add, "more", 50, source);
    pager.reload();
    for (int i = 0; i < 4; i++) {
      pager.moreButton().click();
    }
    assertThat(shown.getLast()).hasSize(250);
    source.asked.clear();

    source.items.removeFirst();
    pager.refresh();

    assertThat(shown.getLast()).hasSize(250).startsWith(2).endsWith(251);
    assertThat(source.asked).as("no request above the cap").allMatch(first -> first <= 100).hasSize(3);
    pager.moreButton().click();
    assertThat(shown.getLast()).hasSize(299).endsWith(300);
  }

  @Test
  void when_fewer_rows_remain_than_were_shown_the_refresh_shows_them_all_and_no_more_button() {
    Source source = new Source(25);
    List<List<Integer>> shown = new ArrayList<>();
    KeysetPager<Integer> pager = new KeysetPager<>(owner, shown::add, "more", 20, source);
    pager.reload();
    pager.moreButton().click();
    source.items.removeAll(List.of(3, 4, 5, 6, 7, 8));

    pager.refresh();

    assertThat(shown.getLast()).hasSize(19).doesNotContain(3, 8);
    assertThat(pager.moreButton().isVisible()).isFalse();
  }
}
