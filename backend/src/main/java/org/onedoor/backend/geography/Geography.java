package org.onedoor.backend.geography;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onedoor.backend.platform.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The city's townships and villages: public reference data. */
@Service
public class Geography {

  private final TownshipRepository townships;

  Geography(TownshipRepository townships) {
    this.townships = townships;
  }

  /** All townships in official order. */
  @PreAuthorize(Roles.PUBLIC)
  public List<Township> townships() {
    return townships.findAllBy(Sort.by("rank", "id"));
  }

  /** Townships by id, in one query. */
  @PreAuthorize(Roles.PUBLIC)
  public Map<String, Township> townshipsById(Collection<String> ids) {
    return townships.findByIdIn(ids).stream().collect(Collectors.toMap(Township::id, Function.identity()));
  }

  /**
   * Each item's township, with one query for all of them: the body of every {@code @BatchMapping} of a
   * {@code township} field. Items without a township are left out.
   */
  @PreAuthorize(Roles.PUBLIC)
  public <T> Map<T, Township> townshipOf(Collection<T> items, Function<T, String> townshipId) {
    return org.onedoor.backend.platform.graphql.Batches.resolve(items, townshipId, this::townshipsById);
  }

  /** Each item's village, with one query for all of them; items without a village are left out. */
  @PreAuthorize(Roles.PUBLIC)
  public <T> Map<T, Village> villageOf(Collection<T> items, Function<T, String> villageId) {
    return org.onedoor.backend.platform.graphql.Batches.resolve(items, villageId, this::villagesById);
  }

  /** Whether a village belongs to a township. */
  @PreAuthorize(Roles.PUBLIC)
  public boolean villageInTownship(String villageId, String townshipId) {
    return townships.findById(townshipId)
        .map(t -> t.villages().stream().anyMatch(v -> v.id().equals(villageId)))
        .orElse(false);
  }

  /** Villages by id, in one query. */
  @PreAuthorize(Roles.PUBLIC)
  public Map<String, Village> villagesById(Collection<String> ids) {
    Map<String, Village> found = new LinkedHashMap<>();
    for (Township township : townships.findByVillagesIdIn(ids)) {
      township.villages().stream().filter(v -> ids.contains(v.id())).forEach(v -> found.put(v.id(), v));
    }
    return found;
  }

}
