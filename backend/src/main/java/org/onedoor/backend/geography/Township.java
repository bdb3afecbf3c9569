package org.onedoor.backend.geography;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A township (乡/镇) with its villages, stored as one document: villages are always read with their township.
 *
 * @param id stable identifier, e.g. {@code hulin-town}
 * @param name official Chinese name
 * @param nameEn pinyin name
 * @param rank the official listing order
 * @param coordinates the township seat
 * @param villages villages in official order
 */
@Document("townships")
public record Township(@Id String id, String name, String nameEn, int rank, Coordinates coordinates,
    List<Village> villages) {

  public Township {
    villages = List.copyOf(villages);
  }
}
