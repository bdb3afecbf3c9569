package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Page;

/**
 * A grid (or any list) fed page by page from one of the API's keyset-paged connections, with a "more" button that follows the end
 * cursor. Failures show as localised notifications and hide the button.
 *
 * @param <T> the item type
 */
public final class KeysetPager<T> {

  /** Fetches one page: at most {@code first} items after the cursor (null: from the start). */
  @FunctionalInterface
  public interface Fetch<T> {
    Page<T> page(int first, String after);
  }

  /** The most items one request asks for: the API's cap on a page. */
  static final int MAX_PAGE = 100;

  private final Component owner;
  private final java.util.function.Consumer<List<T>> show;
  private final int pageSize;
  private final Fetch<T> fetch;
  private final Button more = new Button();
  private final List<T> shown = new ArrayList<>();
  private String endCursor;

  /**
   * A pager for a grid.
   *
   * @param owner the view, for error notifications and translations
   * @param grid the grid to fill
   * @param moreId the id of the "more" button
   * @param pageSize items per page
   * @param fetch how to fetch a page
   */
  public KeysetPager(Component owner, Grid<T> grid, String moreId, int pageSize, Fetch<T> fetch) {
    this(owner, (java.util.function.Consumer<List<T>>) grid::setItems, moreId, pageSize, fetch);
  }

  /**
   * A pager for any list (e.g. cards).
   *
   * @param owner the view, for error notifications and translations
   * @param show shows the items loaded so far
   * @param moreId the id of the "more" button
   * @param pageSize items per page
   * @param fetch how to fetch a page
   */
  public KeysetPager(Component owner, java.util.function.Consumer<List<T>> show, String moreId, int pageSize,
      Fetch<T> fetch) {
    this.owner = owner;
    this.show = show;
    this.pageSize = pageSize;
    this.fetch = fetch;
    more.setText(owner.getTranslation("needs.more"));
    more.setId(moreId);
    more.addClickListener(click -> load(false));
  }

  /** The "more" button, to place under the grid. */
  public Button moreButton() {
    return more;
  }

  /** Loads the first page again (e.g. after a filter changed). */
  public void reload() {
    load(true);
  }

  /**
   * Shows the same stretch of the list again, fresh (e.g. after an action on one of its rows): as many items as
   * were shown, from the start, so the user stays where they were.
   */
  public void refresh() {
    int size = Math.max(pageSize, shown.size());
    List<T> fresh = new ArrayList<>();
    String cursor = null;
    boolean hasNext;
    try {
      // Page after page: the API caps a page (100), and a user may have followed "more" past that.
      do {
        Page<T> page = fetch.page(Math.min(size - fresh.size(), MAX_PAGE), cursor);
        fresh.addAll(page.items());
        cursor = page.endCursor();
        hasNext = page.hasNextPage() && !page.items().isEmpty();
      } while (hasNext && fresh.size() < size);
    } catch (ApiException failure) {
      more.setVisible(false);
      ApiErrors.show(owner, failure);
      return;
    }
    shown.clear();
    shown.addAll(fresh);
    endCursor = cursor;
    more.setVisible(hasNext);
    show.accept(List.copyOf(shown));
  }

  private void load(boolean fromStart) {
    if (fromStart) {
      shown.clear();
      endCursor = null;
    }
    fetchAndShow(pageSize);
  }

  /** Fetches up to {@code size} items after the cursor, adds them to those shown and shows them all. */
  private void fetchAndShow(int size) {
    try {
      Page<T> page = fetch.page(size, endCursor);
      shown.addAll(page.items());
      endCursor = page.endCursor();
      more.setVisible(page.hasNextPage());
      show.accept(List.copyOf(shown));
    } catch (ApiException failure) {
      more.setVisible(false);
      ApiErrors.show(owner, failure);
    }
  }
}
