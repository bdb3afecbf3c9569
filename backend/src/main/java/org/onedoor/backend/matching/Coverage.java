package org.onedoor.backend.matching;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The assignment of a global allocation: which need gets which offer, on a sparse graph of candidate edges, so that
 * the urgency weight of the needs covered is the largest the edges allow.
 *
 * <p>The sets of needs that can be covered at once under the offers' capacities form a (transversal) matroid, so the
 * greedy algorithm is exact: take the needs most urgent first and add each one whenever it can be added — that is,
 * when an augmenting path leads from it to an offer with capacity left, moving the needs along the path to their
 * other candidates. A need first tries its best candidate with capacity (a path of one edge); only when it has none
 * is the breadth-first search run. The result covers a set of needs of maximum urgency weight over the edges it was
 * given, and among those the one that comes first in the order given (urgency, then waiting time). A search that
 * fails marks every offer it reached as closed: they can never reach free capacity again (moves elsewhere do not
 * touch them, and offers only fill up), so later searches skip them and all failed searches together cost one walk
 * of the graph. A last pass moves covered needs to a better-scoring candidate that still has capacity; the set
 * covered does not change.
 */
final class Coverage {

  /** The candidate edges of one need, best first. */
  record Edges(int[] offers, double[] scores) {

    static final Edges NONE = new Edges(new int[0], new double[0]);

    int size() {
      return offers.length;
    }
  }

  /** Gives a need's candidate edges when the need's turn comes (so they may depend on the capacity left). */
  interface Candidates {

    /**
     * The need's candidates.
     *
     * @param need the need's index
     * @param remaining the capacity left of each offer, now
     * @param includeFull whether offers without capacity left are wanted too (for an augmenting path)
     */
    Edges of(int need, int[] remaining, boolean includeFull);
  }

  private final int[] remaining;
  private final int[] assigned;
  private final double[] assignedScore;
  private final Edges[] edges;
  /** The needs holding each offer. */
  private final int[][] holders;
  private final int[] holderCount;
  private final boolean[] closed;
  private final int[] seen;
  private final int[] via;
  private int search;
  private int[] queue = new int[64];
  private long edgeCount;

  /**
   * @param needs how many needs
   * @param remaining the capacity left of each offer (used up as needs are covered)
   */
  Coverage(int needs, int[] remaining) {
    this.remaining = remaining;
    this.assigned = new int[needs];
    Arrays.fill(assigned, -1);
    this.assignedScore = new double[needs];
    this.edges = new Edges[needs];
    this.holders = new int[remaining.length][];
    this.holderCount = new int[remaining.length];
    this.closed = new boolean[remaining.length];
    this.seen = new int[remaining.length];
    this.via = new int[remaining.length];
  }

  /**
   * Covers the needs in this order (most urgent first).
   *
   * @param order the needs' indexes in order of precedence
   * @param candidates their candidate edges
   * @param progress told how many needs of the order have been taken
   */
  void cover(int[] order, Candidates candidates, IntConsumer progress) {
    for (int k = 0; k < order.length; k++) {
      int need = order[k];
      Edges mine = candidates.of(need, remaining, false);
      if (mine.size() > 0 && remaining[mine.offers()[0]] > 0) {
        edges[need] = mine;
        take(need, mine.offers()[0], mine.scores()[0]);
      } else {
        edges[need] = mine.size() > 0 ? mine : candidates.of(need, remaining, true);
        augment(need);
      }
      edgeCount += edges[need].size();
      progress.accept(k);
    }
    improve();
  }

  /** The offer given to each need, or -1. */
  int offerOf(int need) {
    return assigned[need];
  }

  /** The score of the edge each covered need was given. */
  double scoreOf(int need) {
    return assignedScore[need];
  }

  /** The candidate edges the needs were given. */
  long edges() {
    return edgeCount;
  }

  /** Breadth-first search for an augmenting path from an uncovered need; applies it when found. */
  private void augment(int start) {
    search++;
    int tail = push(edges[start], start, 0);
    for (int head = 0; head < tail; head++) {
      int offer = queue[head];
      if (remaining[offer] > 0) {
        apply(start, offer);
        return;
      }
      for (int h = 0; h < holderCount[offer]; h++) {
        int holder = holders[offer][h];
        tail = push(edges[holder], holder, tail);
      }
    }
    for (int i = 0; i < tail; i++) {
      closed[queue[i]] = true;
    }
  }

  /** Queues the offers a need could move to, not yet reached in this search nor closed, remembering who reached them. */
  private int push(Edges from, int need, int tail) {
    for (int e = 0; e < from.size(); e++) {
      int next = from.offers()[e];
      if (!closed[next] && seen[next] != search) {
        seen[next] = search;
        via[next] = need;
        if (tail == queue.length) {
          queue = Arrays.copyOf(queue, 2 * queue.length);
        }
        queue[tail++] = next;
      }
    }
    return tail;
  }

  /** Moves each need along the path one offer on: the last offer's capacity is used, the start need is covered. */
  private void apply(int start, int free) {
    remaining[free]--;
    int offer = free;
    while (true) {
      int need = via[offer];
      int left = assigned[need];
      double score = scoreOn(need, offer);
      if (left >= 0) {
        removeHolder(left, need);
      }
      assigned[need] = offer;
      assignedScore[need] = score;
      addHolder(offer, need);
      if (need == start) {
        return;
      }
      offer = left;
    }
  }

  private void take(int need, int offer, double score) {
    remaining[offer]--;
    assigned[need] = offer;
    assignedScore[need] = score;
    addHolder(offer, need);
  }

  /** Moves covered needs to a better-scoring candidate with capacity left; who is covered does not change. */
  private void improve() {
    for (int need = 0; need < assigned.length; need++) {
      int current = assigned[need];
      if (current < 0) {
        continue;
      }
      Edges mine = edges[need];
      for (int e = 0; e < mine.size() && mine.scores()[e] > assignedScore[need]; e++) {
        int better = mine.offers()[e];
        if (better != current && remaining[better] > 0) {
          remaining[better]--;
          remaining[current]++;
          removeHolder(current, need);
          addHolder(better, need);
          assigned[need] = better;
          assignedScore[need] = mine.scores()[e];
          break;
        }
      }
    }
  }

  private double scoreOn(int need, int offer) {
    Edges mine = edges[need];
    for (int e = 0; e < mine.size(); e++) {
      if (mine.offers()[e] == offer) {
        return mine.scores()[e];
      }
    }
    throw new IllegalStateException("no such edge");
  }

  private void addHolder(int offer, int need) {
    if (holders[offer] == null) {
      holders[offer] = new int[Math.max(1, remaining[offer] + 1)];
    } else if (holderCount[offer] == holders[offer].length) {
      holders[offer] = Arrays.copyOf(holders[offer], 2 * holders[offer].length);
    }
    holders[offer][holderCount[offer]++] = need;
  }

  private void removeHolder(int offer, int need) {
    int[] list = holders[offer];
    for (int i = 0; i < holderCount[offer]; i++) {
      if (list[i] == need) {
        list[i] = list[--holderCount[offer]];
        return;
      }
    }
  }
}
