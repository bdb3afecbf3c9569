package org.onedoor.backend.needs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;

/**
 * The public board in memory, immutable: the open and the fulfilled needs each in the board's order, with an index
 * per filter (category, township, age band, urgency) that lists positions in that order. A page starts at the
 * cursor's position (binary search) and walks the smallest of the filters' position lists, checking the others by
 * binary search (a leapfrog join), until it has a page — so it reads about a page's worth of entries whatever the
 * board's size. A change gives a new index ({@link #with}); readers keep the one they started with.
 */
final class BoardIndex {

  static final BoardIndex EMPTY = new BoardIndex(List.of());

  private final Population open;
  private final Population fulfilled;
  private final Map<String, BoardEntry> byNeedId;
  private final Map<String, BoardEntry> byPublicId;

  /**
   * Where a page starts: after the entry with this key (the parts a cursor holds).
   *
   * @param rank urgency rank
   * @param month yyyy-MM of publication
   * @param publicId public id
   */
  record Key(int rank, String month, String publicId) {
  }

  BoardIndex(Collection<BoardEntry> entries) {
    this(sorted(entries, false), sorted(entries, true));
  }

  private BoardIndex(BoardEntry[] open, BoardEntry[] fulfilled) {
    this.open = new Population(open);
    this.fulfilled = new Population(fulfilled);
    this.byNeedId = HashMap.newHashMap(open.length + fulfilled.length);
    this.byPublicId = HashMap.newHashMap(open.length + fulfilled.length);
    for (BoardEntry[] population : List.of(open, fulfilled)) {
      for (BoardEntry entry : population) {
        byNeedId.put(entry.needId(), entry);
        byPublicId.put(entry.shown().id(), entry);
      }
    }
  }

  /** How many needs it holds, open and fulfilled (some may have expired since it was built). */
  int size() {
    return byNeedId.size();
  }

  /**
   * This index with changed needs: each changed need's old entry goes, and its new one (null when the public may
   * no longer see it) comes in at its place; entries no longer visible on {@code today} are dropped on the way.
   * Costs one pass over the entries.
   *
   * @param changed the changed needs' ids
   * @param now their entries now (absent or null: gone from the public)
   * @param today the city's day
   */
  BoardIndex with(Set<String> changed, Map<String, BoardEntry> now, LocalDate today) {
    String month = YearMonth.from(today).toString();
    List<BoardEntry> added = new ArrayList<>();
    for (String id : changed) {
      BoardEntry entry = now.get(id);
      if (entry != null && entry.visibleOn(today, month)) {
        added.add(entry);
      }
    }
    return new BoardIndex(merge(open.entries, changed, added, false, today, month),
        merge(fulfilled.entries, changed, added, true, today, month));
  }

  /**
   * A page: up to {@code limit} needs the public sees on {@code today} that pass the filter, after the key (or from
   * the start), in the board's order.
   */
  List<BoardEntry> page(NeedFilter filter, Key after, int limit, LocalDate today) {
    boolean wantFulfilled = filter != null && Boolean.TRUE.equals(filter.fulfilled());
    return (wantFulfilled ? fulfilled : open).page(filter, after, limit, today, YearMonth.from(today).toString());
  }

  /** The need with this public id, open or fulfilled, when the public sees it on {@code today}. */
  BoardEntry byPublicId(String publicId, LocalDate today) {
    BoardEntry entry = publicId == null ? null : byPublicId.get(publicId);
    return entry != null && entry.visibleOn(today, YearMonth.from(today).toString()) ? entry : null;
  }

  /** Every open need the public sees on {@code today} (for counts). */
  List<BoardEntry> openOn(LocalDate today) {
    String month = YearMonth.from(today).toString();
    return Arrays.stream(open.entries).filter(e -> e.visibleOn(today, month)).toList();
  }

  private static BoardEntry[] sorted(Collection<BoardEntry> entries, boolean fulfilled) {
    return entries.stream().filter(e -> e.fulfilled() == fulfilled).sorted(BoardEntry.ORDER)
        .toArray(BoardEntry[]::new);
  }

  /** The sorted entries without the changed ones and those expired, merged with the sorted additions. */
  private static BoardEntry[] merge(BoardEntry[] entries, Set<String> changed, List<BoardEntry> added,
      boolean fulfilled, LocalDate today, String month) {
    BoardEntry[] incoming = added.stream().filter(e -> e.fulfilled() == fulfilled).sorted(BoardEntry.ORDER)
        .toArray(BoardEntry[]::new);
    BoardEntry[] merged = new BoardEntry[entries.length + incoming.length];
    int n = 0;
    int next = 0;
    for (BoardEntry entry : entries) {
      if (changed.contains(entry.needId()) || !entry.visibleOn(today, month)) {
        continue;
      }
      while (next < incoming.length && BoardEntry.ORDER.compare(incoming[next], entry) < 0) {
        merged[n++] = incoming[next++];
      }
      merged[n++] = entry;
    }
    while (next < incoming.length) {
      merged[n++] = incoming[next++];
    }
    return Arrays.copyOf(merged, n);
  }

  /** The filters the board offers, each a function of what the public sees. */
  private enum Dimension {
    CATEGORY(PublicNeed::category),
    TOWNSHIP(PublicNeed::townshipId),
    AGE_BAND(PublicNeed::ageBand),
    URGENCY(PublicNeed::urgency);

    private final Function<PublicNeed, Object> value;

    Dimension(Function<PublicNeed, Object> value) {
      this.value = value;
    }

    /** The filter's value for this dimension, or null when the filter leaves it open. */
    Object of(NeedFilter filter) {
      return filter == null ? null : switch (this) {
        case CATEGORY -> filter.category();
        case TOWNSHIP -> filter.townshipId();
        case AGE_BAND -> filter.ageBand();
        case URGENCY -> filter.urgency();
      };
    }
  }

  /** One population (open or fulfilled) in the board's order, with its position lists per filter value. */
  private static final class Population {

    private static final int[] NONE = new int[0];

    private final BoardEntry[] entries;
    private final Map<Dimension, Map<Object, int[]>> positions = new java.util.EnumMap<>(Dimension.class);

    Population(BoardEntry[] entries) {
      this.entries = entries;
      for (Dimension dimension : Dimension.values()) {
        Map<Object, IntList> lists = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
          Object value = dimension.value.apply(entries[i].shown());
          if (value != null) {
            lists.computeIfAbsent(value, v -> new IntList()).add(i);
          }
        }
        Map<Object, int[]> frozen = HashMap.newHashMap(lists.size());
        lists.forEach((value, list) -> frozen.put(value, list.toArray()));
        positions.put(dimension, frozen);
      }
    }

    List<BoardEntry> page(NeedFilter filter, Key after, int limit, LocalDate today, String month) {
      List<int[]> lists = new ArrayList<>();
      for (Dimension dimension : Dimension.values()) {
        Object wanted = dimension.of(filter);
        if (wanted != null) {
          lists.add(positions.get(dimension).getOrDefault(wanted, NONE));
        }
      }
      lists.sort(Comparator.comparingInt(list -> list.length));
      List<BoardEntry> page = new ArrayList<>(limit);
      int position = after == null ? 0 : firstAfter(after);
      next:
      while (page.size() < limit && position < entries.length) {
        // Move to the first position at or after this one that every filter's list holds.
        for (int[] list : lists) {
          int at = atOrAfter(list, position);
          if (at == list.length) {
            break next;
          }
          if (list[at] > position) {
            position = list[at];
            continue next;
          }
        }
        if (entries[position].visibleOn(today, month)) {
          page.add(entries[position]);
        }
        position++;
      }
      return page;
    }

    /** The position of the first entry after the key. */
    private int firstAfter(Key key) {
      int low = 0;
      int high = entries.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (entries[middle].after(key.rank(), key.month(), key.publicId())) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low;
    }

    /** The index in a sorted list of the first position at or after {@code position}. */
    private static int atOrAfter(int[] list, int position) {
      int found = Arrays.binarySearch(list, position);
      return found >= 0 ? found : -found - 1;
    }
  }

  /** A growable list of ints (positions), without boxing. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
